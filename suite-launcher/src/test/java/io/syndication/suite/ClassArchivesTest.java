package io.syndication.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassArchivesTest {

    // what the JVM running the tests is told: an AOT cache from Java 25 on, a dynamic AppCDS archive before
    private static final boolean AOT_CACHE = Runtime.version().feature() >= 25;
    private static final String RECORD = AOT_CACHE ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=";
    private static final String USE = AOT_CACHE ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
    private static final String EXTENSION = AOT_CACHE ? ".aot" : ".jsa";

    @TempDir
    Path temp;

    private Path archivesDirectory;
    private ClassArchives archives;

    @BeforeEach
    void archives() {
        archivesDirectory = temp.resolve("class-archives");
        archives = new ClassArchives(archivesDirectory);
    }

    @Test
    void aBuildWithoutAFileRecordsOne() throws IOException {
        Path application = quarkusApp("content-service");

        ClassArchives.Start start = archives.start("content-service", application, true);

        Path recording = start.recording().orElseThrow();
        assertEquals(archivesDirectory, recording.getParent());
        String name = recording.getFileName().toString();
        assertTrue(name.startsWith("content-service-") && name.endsWith(".recording" + EXTENSION), name);
        assertTrue(start.options().contains(RECORD + recording), start.options().toString());
        assertFalse(Files.exists(recording), "the JVM writes the recording, not the launcher");
    }

    @Test
    void notRecordingStartsWithoutOptions() throws IOException {
        ClassArchives.Start start = archives.start("content-service", quarkusApp("content-service"), false);

        assertEquals(List.of(), start.options());
        assertTrue(start.recording().isEmpty());
    }

    @Test
    void aKeptRecordingIsWhatLaterStartsMap() throws IOException {
        Path application = quarkusApp("content-service");
        Path recording = archives.start("content-service", application, true).recording().orElseThrow();
        Files.write(recording, new byte[] { 1, 2, 3 }); // as the JVM would at its exit

        archives.keep(recording);

        Path archive = recording.resolveSibling(recording.getFileName().toString().replace(".recording", ""));
        assertFalse(Files.exists(recording));
        assertTrue(Files.isRegularFile(archive));
        for (boolean record : new boolean[] { true, false }) {
            ClassArchives.Start later = archives.start("content-service", application, record);
            assertTrue(later.recording().isEmpty(), "a second recording of the same build");
            assertTrue(later.options().contains(USE + archive), later.options().toString());
        }
    }

    @Test
    void keepingWhatTheJvmNeverWroteChangesNothing() throws IOException {
        Path application = quarkusApp("content-service");
        Path recording = archives.start("content-service", application, true).recording().orElseThrow();

        archives.keep(recording);

        assertEquals(List.of(), files());
        ClassArchives.Start again = archives.start("content-service", application, true);
        assertEquals(recording, again.recording().orElseThrow(), "the next start records again");
    }

    @Test
    void aRebuiltServiceRecordsAgainAndItsOlderFilesGo() throws IOException {
        Path content = quarkusApp("content-service");
        Path partner = quarkusApp("partner-service");
        Path contentArchive = recordAndKeep("content-service", content);
        Path partnerArchive = recordAndKeep("partner-service", partner);
        // a recording another start of the old build left, unkept: it goes too
        Path oldRecording = archivesDirectory.resolve(contentArchive.getFileName().toString()
                .replace(EXTENSION, ".recording" + EXTENSION));
        Files.write(oldRecording, new byte[] { 1 });

        // a rebuild that wrote the same bytes: only the time tells
        Path jar = content.resolve("quarkus-run.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        ClassArchives.Start rebuilt = archives.start("content-service", content, true);

        Path recording = rebuilt.recording().orElseThrow();
        assertNotEquals(contentArchive.getFileName().toString().replace(EXTENSION, ""),
                recording.getFileName().toString().replace(".recording" + EXTENSION, ""), "a new build's name");
        assertTrue(rebuilt.options().contains(RECORD + recording), rebuilt.options().toString());
        assertEquals(List.of(partnerArchive), files(), "the older content-service files gone, partner-service's kept");
    }

    @Test
    void aRealJvmWritesTheRecordingAndStartsFromIt() throws Exception {
        Path application = temp.resolve("tiny").resolve("quarkus-app");
        Files.createDirectories(application);
        Path jar = application.resolve("tiny.jar");
        jarOf(Tiny.class, jar);

        ClassArchives.Start recordingStart = archives.start("tiny", application, true);
        Path recording = recordingStart.recording().orElseThrow();
        assertEquals(0, run(recordingStart.options(), jar, "recording"));
        archives.keep(recording);

        ClassArchives.Start start = archives.start("tiny", application, false);
        Path archive = archivesDirectory.resolve(recording.getFileName().toString().replace(".recording", ""));
        assertTrue(Files.isRegularFile(archive) && Files.size(archive) > 0, "the JVM wrote " + archive);
        assertTrue(start.options().contains(USE + archive), start.options().toString());
        // told to use the file or fail: an archive the JVM refused would otherwise go unnoticed
        List<String> options = new ArrayList<>(start.options());
        options.add(AOT_CACHE ? "-XX:AOTMode=on" : "-Xshare:on");
        assertEquals(0, run(options, jar, "archived"));
    }

    /** Loads a few hundred classes and exits by itself: what a recording is made of. */
    public static final class Tiny {
        public static void main(String[] args) {
            Map<Integer, String> squares = new ConcurrentHashMap<>();
            IntStream.range(0, 100).parallel().forEach(n -> squares.put(n, String.format("%d^2=%d", n, n * n)));
            System.out.println(squares.values().stream().sorted().collect(Collectors.joining(",")).length());
        }
    }

    /** The JVM's exit code, running Tiny from the jar with these options; its output goes to a file in temp. */
    private int run(List<String> options, Path jar, String name) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElseThrow());
        command.addAll(options);
        command.addAll(List.of("-cp", jar.toString(), Tiny.class.getName()));
        Path output = temp.resolve(name + ".log");
        int exit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start().waitFor();
        if (exit != 0) {
            System.err.println(command + " exited " + exit + ":\n" + Files.readString(output));
        }
        return exit;
    }

    /** A jar of one class: AppCDS archives classes from jars only, never from a directory. */
    private static void jarOf(Class<?> type, Path jar) throws IOException {
        String entry = type.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                InputStream in = type.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
    }

    /** A stand-in for a module's target/quarkus-app: a run jar and a library. */
    private Path quarkusApp(String module) throws IOException {
        Path application = temp.resolve(module).resolve("quarkus-app");
        Files.createDirectories(application.resolve("lib"));
        Files.writeString(application.resolve("quarkus-run.jar"), module + " run jar", StandardCharsets.UTF_8);
        Files.writeString(application.resolve("lib").resolve("library.jar"), "a library", StandardCharsets.UTF_8);
        return application;
    }

    /** Records a build's file as a service's first start would, writing it in the JVM's place; the file. */
    private Path recordAndKeep(String module, Path application) throws IOException {
        Path recording = archives.start(module, application, true).recording().orElseThrow();
        Files.write(recording, new byte[] { 1, 2, 3 });
        archives.keep(recording);
        return archivesDirectory.resolve(recording.getFileName().toString().replace(".recording", ""));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(archivesDirectory)) {
            return files.sorted().toList();
        }
    }
}

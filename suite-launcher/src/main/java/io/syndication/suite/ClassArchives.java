package io.syndication.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Each packaged service's classes, loaded, parsed and linked once and mapped from a file on every
 * later start: most of a start's work is loading classes, and this halves it. On Java 25 and later
 * the file is an AOT cache (JEP 483, with the methods' profiles of JEP 515), before that a dynamic
 * AppCDS archive. The first start of a build on a given JVM records what the service loads and
 * writes the file when the service exits; the file is named after the build and the JVM, so a
 * rebuild or another JDK starts a new recording rather than running with a file the JVM would refuse.
 */
final class ClassArchives {

    private static final String RECORDING = ".recording";

    /** Where the archives are kept; null when none are (a throw-away suite of the tests). */
    private final Path directory;

    ClassArchives(Path directory) {
        this.directory = directory;
    }

    /** Archives that are never kept: every start runs without one and records none. */
    static ClassArchives none() {
        return new ClassArchives(null);
    }

    /**
     * How to start {@code module}'s packaged application ({@code application}, its {@code quarkus-app}
     * folder): from its file, or, when there is none yet and {@code record}, recording one that
     * {@link #keep} makes the file once the service has exited. Only one process may record a file:
     * extra instances of a service start without one.
     */
    Start start(String module, Path application, boolean record) {
        if (directory == null) {
            return Start.NONE;
        }
        String name = module + "-" + fingerprint(application);
        String extension = aotCache() ? ".aot" : ".jsa";
        Path archive = directory.resolve(name + extension);
        if (Files.isRegularFile(archive)) {
            return new Start(List.of((aotCache() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive, quiet()),
                    Optional.empty());
        }
        if (!record) {
            return Start.NONE;
        }
        forgetOlderBuilds(module);
        Path recording = directory.resolve(name + RECORDING + extension);
        return new Start(List.of((aotCache() ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + recording, quiet()),
                Optional.of(recording));
    }

    /**
     * Makes a recording the service's file. Called only after the service exited by itself: one killed
     * while writing would leave a truncated file that no later start could use nor replace.
     */
    void keep(Path recording) {
        if (Files.isRegularFile(recording)) {
            try {
                Files.move(recording, recording.resolveSibling(recording.getFileName().toString().replace(RECORDING, "")),
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot keep " + recording, e);
            }
        }
    }

    /** Keeps what {@code start} records once {@code process} has stopped by itself. */
    void keepAfter(Start start, ChildProcess process) {
        start.recording().ifPresent(recording -> process.whenStoppedGracefully(() -> keep(recording)));
    }

    /** The JVM options of a start, and the recording it writes when it exits, if it records one. */
    record Start(List<String> options, Optional<Path> recording) {
        static final Start NONE = new Start(List.of(), Optional.empty());
    }

    /** Java 25 records an AOT cache in one run; 24 needs two, and before it there is only AppCDS. */
    private static boolean aotCache() {
        return Runtime.version().feature() >= 25;
    }

    /** Classes that cannot be archived (not linked, generated at run time) are each a warning line. */
    private static String quiet() {
        return aotCache() ? "-Xlog:aot=off,cds=off" : "-Xlog:cds=off,cds+dynamic=off";
    }

    private void forgetOlderBuilds(String module) {
        try {
            Files.createDirectories(directory);
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.filter(file -> file.getFileName().toString().startsWith(module + "-")).toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + directory, e);
        }
    }

    /** The build (every file of the packaged application, by path, size and time) and the JVM that runs it. */
    private static String fingerprint(Path application) {
        try (Stream<Path> files = Files.walk(application)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Runtime.version().toString().getBytes(StandardCharsets.UTF_8));
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update((application.relativize(file) + " " + Files.size(file) + " "
                        + Files.getLastModifiedTime(file).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + application, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

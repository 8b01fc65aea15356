package io.syndication.suite;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker in KRaft mode (broker and controller in one JVM, no ZooKeeper), run as a
 * child process from the jars the build copies to {@code suite-launcher/target/kafka-lib}, without
 * Docker. Its storage is formatted at the first start, under a new cluster id that stays with the data,
 * which later starts keep unless the broker is thrown away.
 */
public final class LocalKafka implements AutoCloseable {

    /** As the services: the serial collector and a small heap, plenty for one broker of a local suite. */
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xmx256m");
    private static final Duration FORMAT = Duration.ofMinutes(1);
    private static final int CLIENT_TIMEOUT_MS = 2_000;

    private final Path classpath;
    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final Path log;
    private final boolean throwAway;
    private final ClassArchives archives;
    private ChildProcess process;

    private LocalKafka(Path classpath, Path directory, int port, int controllerPort, Path log, boolean throwAway,
            ClassArchives archives) {
        this.classpath = classpath;
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.log = log;
        this.throwAway = throwAway;
        this.archives = archives;
    }

    /**
     * Starts a broker for clients on 127.0.0.1:{@code port}, its controller on {@code controllerPort},
     * from the jars in {@code classpath}, with its configuration and data in {@code directory}: kept for
     * the next start, or, when {@code throwAway}, fresh now and deleted when it closes. It starts from
     * its class archive in {@code archives}, as the services do. {@link #awaitReady} waits for it.
     */
    public static LocalKafka start(Path classpath, Path directory, int port, int controllerPort, Path log,
            boolean throwAway, ClassArchives archives) {
        if (throwAway) {
            deleteRecursively(directory);
        }
        LocalKafka kafka = new LocalKafka(classpath, directory, port, controllerPort, log, throwAway, archives);
        kafka.start();
        return kafka;
    }

    /** What clients set as {@code bootstrap.servers} (Quarkus: {@code kafka.bootstrap.servers}). */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * Waits until the broker serves clients. It opens its client port only once it has caught up with
     * its controller and is unfenced; then a client's description of the cluster names it.
     */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        // the port first: a client that tried earlier would be backing off between refused connections
        process.await("at " + bootstrapServers(), timeout, () -> Ports.accepting(port));
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.CLIENT_ID_CONFIG, "suite-launcher",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, CLIENT_TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, CLIENT_TIMEOUT_MS);
        try (Admin admin = Admin.create(config)) {
            process.await("at " + bootstrapServers(), Duration.between(Instant.now(), deadline), () -> describesItself(admin));
        }
    }

    /** Stops the broker (SIGTERM, its controlled shutdown), keeping its data, until {@link #start()}. */
    void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /** Starts the broker on its ports and data, formatting the storage first if it never was. */
    void start() {
        if (process != null) {
            throw new IllegalStateException("Kafka is running already");
        }
        List<String> jars = jars();
        Path serverProperties = writeConfiguration();
        formatUnlessFormatted(jars, serverProperties);
        ClassArchives.Start archive = archives.start("kafka", classpath, true);
        List<String> command = java(jars, archive.options());
        command.add("kafka.Kafka");
        command.add(serverProperties.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        // as for the services: two malloc arenas are plenty for a JVM
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        process = ChildProcess.start("kafka", builder, log);
        archives.keepAfter(archive, process);
    }

    /** The running broker's process, for tests. */
    ProcessHandle process() {
        return process.handle();
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            if (throwAway) {
                deleteRecursively(directory);
            }
        }
    }

    private boolean describesItself(Admin admin) {
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(CLIENT_TIMEOUT_MS))
                    .nodes().get(CLIENT_TIMEOUT_MS, TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false; // still starting
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka", e);
        }
    }

    /** The broker's settings and its logging's, written at each start: the ports may have changed. */
    private Path writeConfiguration() {
        Map<String, String> settings = new LinkedHashMap<>();
        // one node, its own controller: KRaft without ZooKeeper
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", "1");
        // a static quorum, read from here at each start (a dynamic one keeps the controller's address
        // in its log, and the suite's ports may change between starts)
        settings.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        settings.put("controller.listener.names", "CONTROLLER");
        settings.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        settings.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        settings.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        settings.put("inter.broker.listener.name", "PLAINTEXT");
        settings.put("log.dirs", data().toAbsolutePath().toString());
        // Kafka's own topics are replicated three times by default, which one broker cannot do
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        // and have 50 partitions each: one is enough here, and is created at once for the first group
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        // a service's topics appear when it first uses them
        settings.put("auto.create.topics.enable", "true");
        // a consumer group starts as soon as its first member joins, not 3 s later
        settings.put("group.initial.rebalance.delay.ms", "0");
        Path serverProperties = directory.resolve("server.properties");
        try {
            Files.createDirectories(directory);
            Files.writeString(serverProperties, "# written by the suite at each start\n"
                    + settings.entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                            .collect(Collectors.joining("\n", "", "\n")));
            // to the log (stdout): warnings, errors, and the line that says the broker has started
            Files.writeString(logConfiguration(), """
                    rootLogger.level = WARN
                    rootLogger.appenderRef.stdout.ref = STDOUT
                    appender.stdout.type = Console
                    appender.stdout.name = STDOUT
                    appender.stdout.layout.type = PatternLayout
                    appender.stdout.layout.pattern = [%d] %p %m (%c)%n
                    logger.server.name = kafka.server.KafkaRaftServer
                    logger.server.level = INFO
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write Kafka's configuration to " + directory, e);
        }
        return serverProperties;
    }

    /** KRaft storage must be formatted before the first start; its meta.properties holds the cluster id. */
    private void formatUnlessFormatted(List<String> jars, Path serverProperties) {
        if (Files.exists(data().resolve("meta.properties"))) {
            return;
        }
        List<String> command = java(jars, List.of());
        command.addAll(List.of("kafka.tools.StorageTool", "format", "--cluster-id", Uuid.randomUuid().toString(),
                "--config", serverProperties.toString()));
        try {
            Files.createDirectories(log.getParent());
            Process format = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            if (!format.waitFor(FORMAT.toSeconds(), TimeUnit.SECONDS)) {
                format.destroyForcibly();
                throw new IllegalStateException("Kafka's storage was not formatted within " + FORMAT.toSeconds() + " s; see " + log);
            }
            if (format.exitValue() != 0) {
                throw new IllegalStateException("Kafka's storage could not be formatted (exit " + format.exitValue() + "); see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not format Kafka's storage in " + data(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while formatting Kafka's storage", e);
        }
    }

    /** A JVM with the broker's jars, named one by one in a fixed order: a class archive is only used for the same path. */
    private List<String> java(List<String> jars, List<String> archiveOptions) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(JVM_OPTIONS);
        command.addAll(archiveOptions);
        command.add("-Dlog4j2.configurationFile=" + logConfiguration());
        command.add("-cp");
        command.add(String.join(File.pathSeparator, jars));
        return command;
    }

    private List<String> jars() {
        List<String> jars = List.of();
        if (Files.isDirectory(classpath)) {
            try (Stream<Path> files = Files.list(classpath)) {
                jars = files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                        .map(file -> file.toAbsolutePath().toString())
                        .sorted()
                        .toList();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + classpath, e);
            }
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("Kafka's jars are missing from " + classpath
                    + "; run ./mvnw package -DskipTests -pl suite-launcher");
        }
        return jars;
    }

    private Path data() {
        return directory.resolve("data");
    }

    private Path logConfiguration() {
        return directory.resolve("log4j2.properties").toAbsolutePath();
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }
}

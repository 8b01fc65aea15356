package io.syndication.suite;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * The whole platform on one machine: one PostgreSQL with a database per service, a real Keycloak, a
 * Kafka broker, and the four packaged services in production mode, pointed at them by configuration alone.
 */
public final class PlatformSuite implements AutoCloseable {

    /** Each data service and the database it owns. */
    private static final Map<String, String> DATABASES = Map.of(
            "partner-service", "partners",
            "content-service", "content",
            "schedule-service", "schedule");

    /** Where the gateway keeps the rate-limit buckets its replicas share. */
    private static final String GATEWAY_DATABASE = "gateway";

    private static final Duration KEYCLOAK_START = Duration.ofMinutes(4);
    private static final Duration KAFKA_START = Duration.ofMinutes(2);
    private static final Duration SERVICE_START = Duration.ofMinutes(2);

    /**
     * The serial collector (no collector threads of its own to compete for the cores at start, when
     * four services start at once beside PostgreSQL and Keycloak), and glibc's free memory handed back
     * every 5 s (what the JIT compilers free, which malloc would otherwise keep: 20-40 MB a service) by
     * a JVM that can (Java 17 since 17.0.9; the services run on the launcher's own java).
     * Tried and dropped, with benchmarks/startup.sh and a batch ingest: a heap starting at 32 MB, and
     * compiling methods after three times the usual number of calls, started content-service 0.3 s
     * sooner but ingested at half the pace (young collections on a small heap; code left to the
     * interpreter for longer).
     */
    private static final List<String> JVM_OPTIONS = hasVmOption("TrimNativeHeapInterval")
            ? List.of("-XX:+UseSerialGC", "-XX:TrimNativeHeapInterval=5000")
            : List.of("-XX:+UseSerialGC");

    private static boolean hasVmOption(String name) {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(name);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    /**
     * Each service's heap, from what it holds under the benchmarks: the serial collector keeps every
     * heap page it once touched, so a heap larger than the service needs is resident memory for
     * nothing. partner- and content-service hold about 25 MB after a full collection under load, the
     * gateway 13 MB: each gets a fixed young generation, as a smaller one took a fifth more CPU a
     * catalogue page; the gateway's 16 MB one, against 32 MB, costs it about 3 us of collection a
     * request and keeps 15 MB less resident under the same load. schedule-service holds a month's
     * window of slots at once for its gaps and validation: with 128 MB it ran 185 full collections
     * in the schedule benchmark, and a month's gaps took 653 ms against 385 ms.
     */
    private static List<String> heapOf(String module) {
        return switch (module) {
            case "schedule-service" -> List.of("-Xmx256m");
            case "gateway" -> List.of("-Xmx48m", "-Xmn16m");
            default -> List.of("-Xmx128m", "-Xmn64m");
        };
    }

    private final SuiteSettings settings;
    private final Consumer<String> progress;
    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<String, ChildProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> configurations = new LinkedHashMap<>();
    /** Kept with the suite's data; a throw-away suite of the tests has none. */
    private final ClassArchives archives;
    private LocalPostgres postgres;
    private LocalKeycloak keycloak;
    private LocalKafka kafka;

    private PlatformSuite(SuiteSettings settings, Consumer<String> progress) {
        this.settings = settings;
        this.progress = progress;
        this.archives = settings.throwAway() ? ClassArchives.none()
                : new ClassArchives(settings.home().resolve("class-archives"));
    }

    /** Starts everything, reporting each step; on any failure stops what had started and rethrows. */
    public static PlatformSuite start(SuiteSettings settings, Consumer<String> progress) {
        PlatformSuite suite = new PlatformSuite(settings, progress);
        try {
            suite.startAll();
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    public String gatewayUrl() {
        return settings.gatewayUrl();
    }

    public String tokenEndpoint() {
        return keycloak.tokenEndpoint();
    }

    /** The operator and admin console, which the gateway serves. */
    public String consoleUrl() {
        return gatewayUrl() + "/console/";
    }

    /** The broker every service is given as {@code kafka.bootstrap.servers}. */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String serviceUrl(String service) {
        return "http://127.0.0.1:" + portOf(service);
    }

    /** The service's management interface: its health and metrics. */
    public String managementUrl(String service) {
        return "http://127.0.0.1:" + settings.managementPorts().get(service);
    }

    /**
     * Onboards the launch partners through the gateway as the suite's admin, writes their credentials
     * to {@code file} and stocks their catalogues; run again, it rotates their secrets and finds the
     * catalogues as they were.
     */
    public Map<String, String> onboardDemoPartners(Path file) {
        String admin = GatewayCalls.token(tokenEndpoint(), "suite-admin", "suite-admin-secret");
        return DemoPartners.onboard(gatewayUrl(), tokenEndpoint(), admin, DemoPartners.agreementVersion(gatewayUrl()), file);
    }

    /**
     * Gives each launch partner ({@code partnerIds}: id by slug) a 24/7 channel in its time zone, with
     * a live event and the next 7 local days filled; run again, it fills what the week now lacks.
     *
     * @return the channels' slugs
     */
    public List<String> scheduleDemoChannels(Map<String, String> partnerIds) {
        String operator = GatewayCalls.token(tokenEndpoint(), "suite-operator", "suite-operator-secret");
        DemoChannels.schedule(gatewayUrl(), operator, partnerIds, Instant.now());
        return DemoChannels.slugs();
    }

    /**
     * Freezes a service (SIGSTOP): it keeps its port and accepts connections, but answers nothing
     * until {@link #thaw}. For tests of what depends on it.
     */
    public void freeze(String service) {
        services.get(service).signal("STOP");
    }

    public void thaw(String service) {
        services.get(service).signal("CONT");
    }

    /** Stops a service (SIGTERM), as a crashed pod would be gone, until {@link #start}. */
    public void stop(String service) {
        ChildProcess process = services.remove(service);
        running.remove(process);
        process.close();
    }

    /** Kills a service (SIGKILL), as a crash would end it: no shutdown step of its own runs. Until {@link #start}. */
    public void kill(String service) {
        ChildProcess process = services.remove(service);
        running.remove(process);
        process.kill();
    }

    /** Starts a stopped service again, as it was configured, and waits until it is ready. */
    public void start(String service) {
        ChildProcess process = startService(service, configurations.get(service), settings.home().resolve("logs"));
        services.put(service, process);
        process.awaitHttpOk(managementUrl(service) + "/q/health/ready", SERVICE_START);
    }

    /**
     * Starts another gateway in front of the same services, as another replica would run, on free
     * ports, with {@code settings} on top of the suite gateway's own and its rate-limit buckets in
     * {@code database}; it stops with the suite.
     *
     * @return its URL, once it is ready
     */
    public String startAnotherGateway(String database, Map<String, String> settings) {
        postgres.createDatabases(List.of(database));
        int port = Ports.free();
        int managementPort = Ports.free();
        Map<String, String> configuration = gatewayConfiguration(database);
        configuration.put("gateway.public-url", "http://127.0.0.1:" + port);
        configuration.putAll(settings);
        String name = "gateway-" + port;
        ChildProcess process = startProcess(name, "gateway", port, managementPort, configuration,
                this.settings.home().resolve("logs"), false);
        process.awaitHttpOk("http://127.0.0.1:" + managementPort + "/q/health/ready", SERVICE_START);
        return "http://127.0.0.1:" + port;
    }

    /** Restarts PostgreSQL (a fast shutdown: every open connection is cut), on the same port and data. */
    public void restartPostgres() {
        postgres.restart();
    }

    /** Freezes Keycloak (SIGSTOP) until {@link #thawKeycloak}: tokens can neither be had nor their keys fetched. */
    public void freezeKeycloak() {
        keycloak.signal("STOP");
    }

    public void thawKeycloak() {
        keycloak.signal("CONT");
    }

    /** Stops the Kafka broker (a controlled shutdown) until {@link #startKafka}; the services keep running. */
    public void stopKafka() {
        kafka.stop();
    }

    /** Starts the broker again on the same ports and data, and waits until it serves clients. */
    public void startKafka() {
        kafka.start();
        kafka.awaitReady(KAFKA_START);
    }

    private void startAll() {
        checkPortsAreFree();
        Path logs = settings.home().resolve("logs");

        progress.accept("Starting PostgreSQL on port " + settings.postgresPort());
        postgres = LocalPostgres.start(settings.home().resolve("postgres"), settings.postgresPort(),
                settings.throwAway());
        running.add(postgres);
        List<String> databases = new ArrayList<>(DATABASES.values());
        databases.add(GATEWAY_DATABASE);
        postgres.createDatabases(databases);

        progress.accept("Starting Keycloak on port " + settings.keycloakPort() + " (log: " + logs.resolve("keycloak.log") + ")");
        keycloak = LocalKeycloak.start(settings.keycloakDistribution(), settings.home(), settings.keycloakPort(),
                settings.keycloakManagementPort(), settings.throwAway() ? null : settings.home().resolve("keycloak-db"),
                logs.resolve("keycloak.log"), archives, gatewayUrl());
        running.add(keycloak);

        // while Keycloak starts; it stops after the services, before Keycloak and PostgreSQL
        progress.accept("Starting Kafka on port " + settings.kafkaPort() + " (log: " + logs.resolve("kafka.log") + ")");
        kafka = LocalKafka.start(settings.kafkaClasspath(), settings.home().resolve("kafka"), settings.kafkaPort(),
                settings.kafkaControllerPort(), logs.resolve("kafka.log"), settings.throwAway(), archives);
        running.add(kafka);

        // Kafka first: it is ready in seconds, and checking it then takes its client's start off the path
        kafka.awaitReady(KAFKA_START);
        progress.accept("Kafka is ready at " + kafka.bootstrapServers());
        // The services start while Keycloak does: each takes Keycloak's keys at its first request (503
        // until it can), and partner-service checks its partners' clients in Keycloak once it answers.
        // Waiting for Keycloak first left the cores to it alone for a third of a start.
        DATABASES.forEach((service, database) -> services.put(service, startDataService(service, database, logs)));
        Map<String, String> gateway = gatewayConfiguration(GATEWAY_DATABASE);
        gateway.put("gateway.public-url", gatewayUrl());
        services.put("gateway", startService("gateway", gateway, logs));
        keycloak.awaitReady(KEYCLOAK_START);
        progress.accept("Keycloak is ready: realm " + LocalKeycloak.REALM);
        services.forEach((service, process) -> {
            progress.accept("Waiting for " + service + " on port " + portOf(service));
            process.awaitHttpOk(managementUrl(service) + "/q/health/ready", SERVICE_START);
        });
    }

    /** A data service on its own database, pointed at the services it calls. */
    private ChildProcess startDataService(String service, String database, Path logs) {
        Map<String, String> configuration = new LinkedHashMap<>(Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", LocalPostgres.USER,
                "quarkus.datasource.password", LocalPostgres.PASSWORD));
        if (service.equals("partner-service")) {
            // partner API clients are created in this Keycloak, as its partner-service client
            configuration.put("quarkus.keycloak.admin-client.server-url", keycloak.baseUrl());
            configuration.put("quarkus.keycloak.admin-client.client-secret", LocalKeycloak.PARTNER_SERVICE_SECRET);
            // a local demo's webhook receivers run on this machine
            configuration.put("platform.webhooks.allow-loopback-http", "true");
        }
        if (service.equals("content-service")) {
            configuration.put("quarkus.rest-client.partner-service.url", serviceUrl("partner-service"));
        }
        if (service.equals("schedule-service")) {
            configuration.put("quarkus.rest-client.content-service.url", serviceUrl("content-service"));
        }
        return startService(service, configuration, logs);
    }

    /** A gateway in front of the suite's services, its buckets in {@code database}. */
    private Map<String, String> gatewayConfiguration(String database) {
        Map<String, String> gateway = new LinkedHashMap<>();
        DATABASES.keySet().forEach(service -> {
            gateway.put("gateway.upstreams." + service + ".url", serviceUrl(service));
            gateway.put("gateway.upstreams." + service + ".management-url", managementUrl(service));
        });
        gateway.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
        gateway.put("quarkus.datasource.username", LocalPostgres.USER);
        gateway.put("quarkus.datasource.password", LocalPostgres.PASSWORD);
        // every demo partner and test applicant applies from this one address
        gateway.put("gateway.rate-limits.applications.requests", "10000");
        return gateway;
    }

    private ChildProcess startService(String service, Map<String, String> configuration, Path logs) {
        configurations.put(service, configuration);
        return startProcess(service, service, portOf(service), settings.managementPorts().get(service), configuration,
                logs, true);
    }

    /**
     * Starts the packaged {@code module} as a process called {@code name}; {@code recordArchive} when
     * it may record the module's class archive (one process per module does).
     */
    private ChildProcess startProcess(String name, String module, int port, int managementPort,
            Map<String, String> configuration, Path logs, boolean recordArchive) {
        String java = ProcessHandle.current().info().command().orElse("java");
        Path jar = settings.repository().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!jar.toFile().isFile()) {
            throw new IllegalStateException(module + " is not packaged: " + jar + " is missing; run ./mvnw package -DskipTests");
        }
        ClassArchives.Start start = archives.start(module, jar.getParent(), recordArchive);
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JVM_OPTIONS);
        command.addAll(heapOf(module));
        command.addAll(start.options());
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-Dquarkus.management.host=127.0.0.1");
        // nothing to take the process out of: no load balancer waits for its readiness to turn DOWN
        command.add("-Dquarkus.shutdown.delay=0s");
        command.add("-Dquarkus.oidc.auth-server-url=" + keycloak.realmUrl());
        command.add("-Dkafka.bootstrap.servers=" + kafka.bootstrapServers());
        // a local demo: its secrets are the published ones, which production refuses
        command.add("-Dplatform.secrets.allow-published=true");
        // a problem's type is the page the suite's gateway serves for it
        command.add("-Dplatform.problems.type-base=" + gatewayUrl() + "/problems/");
        configuration.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toString());
        progress.accept("Starting " + name + " (log: " + logs.resolve(name + ".log") + ")");
        ProcessBuilder builder = new ProcessBuilder(command);
        // glibc gives each thread that allocates its own arena of up to 64 MB; two are plenty for a JVM
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        ChildProcess process = ChildProcess.start(name, builder, logs.resolve(name + ".log"));
        archives.keepAfter(start, process);
        running.add(process);
        return process;
    }

    private int portOf(String service) {
        return switch (service) {
            case "gateway" -> settings.gatewayPort();
            case "partner-service" -> settings.partnerPort();
            case "content-service" -> settings.contentPort();
            case "schedule-service" -> settings.schedulePort();
            default -> throw new IllegalArgumentException(service);
        };
    }

    private void checkPortsAreFree() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway (SUITE_GATEWAY_PORT)", settings.gatewayPort());
        ports.put("partner-service (SUITE_PARTNER_PORT)", settings.partnerPort());
        ports.put("content-service (SUITE_CONTENT_PORT)", settings.contentPort());
        ports.put("schedule-service (SUITE_SCHEDULE_PORT)", settings.schedulePort());
        ports.put("Keycloak (SUITE_KEYCLOAK_PORT)", settings.keycloakPort());
        ports.put("Keycloak management (SUITE_KEYCLOAK_MANAGEMENT_PORT)", settings.keycloakManagementPort());
        ports.put("PostgreSQL (SUITE_POSTGRES_PORT)", settings.postgresPort());
        ports.put("Kafka (SUITE_KAFKA_PORT)", settings.kafkaPort());
        ports.put("Kafka controller (SUITE_KAFKA_CONTROLLER_PORT)", settings.kafkaControllerPort());
        settings.managementPorts().forEach((service, port) -> ports.put(service + " management (SUITE_"
                + service.replace("-service", "").toUpperCase() + "_MANAGEMENT_PORT)", port));
        List<String> taken = ports.entrySet().stream()
                .filter(entry -> !Ports.available(entry.getValue()))
                .map(entry -> "port " + entry.getValue() + " for " + entry.getKey())
                .toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Already in use: " + String.join(", ", taken)
                    + ". Stop what holds it or choose another port with the variable named.");
        }
    }

    /** Stops everything in reverse order of starting; safe to call more than once. */
    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.remove(i).close();
            } catch (Exception e) {
                progress.accept("Could not stop cleanly: " + e.getMessage());
            }
        }
    }
}

package io.syndication.suite;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the suite runs: the checkout whose packaged services it starts, the folder for its data and
 * logs, the Keycloak distribution, Kafka's jars, and every port.
 *
 * @param kafkaClasspath the folder of the jars the Kafka broker runs from (suite-launcher/target/kafka-lib)
 * @param throwAway true for tests: a fresh database, realm and broker each time, deleted afterwards
 * @param managementPorts each service's management interface (health, metrics), by service name
 */
public record SuiteSettings(Path repository, Path home, Path keycloakDistribution, Path kafkaClasspath,
        boolean throwAway, int gatewayPort, int partnerPort, int contentPort, int schedulePort, int keycloakPort,
        int keycloakManagementPort, int postgresPort, int kafkaPort, int kafkaControllerPort,
        Map<String, Integer> managementPorts) {

    /** The suite a newcomer runs: fixed, documented ports, overridable by environment variables. */
    public static SuiteSettings forDevelopers(Path repository) {
        return new SuiteSettings(repository, repository.resolve(".suite"),
                repository.resolve("suite-launcher/target/keycloak-dist.zip"),
                repository.resolve("suite-launcher/target/kafka-lib"), false,
                port("GATEWAY_PORT", 8080), port("PARTNER_PORT", 8081), port("CONTENT_PORT", 8082),
                port("SCHEDULE_PORT", 8083), port("KEYCLOAK_PORT", 8180), port("KEYCLOAK_MANAGEMENT_PORT", 9180),
                port("POSTGRES_PORT", 15432), port("KAFKA_PORT", 9092), port("KAFKA_CONTROLLER_PORT", 9093), Map.of(
                        "gateway", port("GATEWAY_MANAGEMENT_PORT", 9080),
                        "partner-service", port("PARTNER_MANAGEMENT_PORT", 9081),
                        "content-service", port("CONTENT_MANAGEMENT_PORT", 9082),
                        "schedule-service", port("SCHEDULE_MANAGEMENT_PORT", 9083)));
    }

    /** A suite for tests: free ports, everything under {@code home}, nothing kept. */
    public static SuiteSettings forTests(Path repository, Path home, Path keycloakDistribution, Path kafkaClasspath) {
        return new SuiteSettings(repository, home, keycloakDistribution, kafkaClasspath, true,
                Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(),
                Ports.free(), Ports.free(),
                Map.of("gateway", Ports.free(), "partner-service", Ports.free(), "content-service", Ports.free(),
                        "schedule-service", Ports.free()));
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv("SUITE_" + variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}

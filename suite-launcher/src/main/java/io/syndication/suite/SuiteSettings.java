package io.syndication.suite;

import java.nio.file.Path;

/**
 * Where the suite runs: the checkout whose packaged services it starts, the folder for its data and
 * logs, the Keycloak distribution, and every port.
 *
 * @param throwAway true for tests: a fresh database and realm each time, deleted afterwards
 */
public record SuiteSettings(Path repository, Path home, Path keycloakDistribution, boolean throwAway,
        int gatewayPort, int partnerPort, int contentPort, int schedulePort, int keycloakPort,
        int keycloakManagementPort, int postgresPort) {

    /** The suite a newcomer runs: fixed, documented ports, overridable by environment variables. */
    public static SuiteSettings forDevelopers(Path repository) {
        return new SuiteSettings(repository, repository.resolve(".suite"),
                repository.resolve("suite-launcher/target/keycloak-dist.zip"), false,
                port("GATEWAY_PORT", 8080), port("PARTNER_PORT", 8081), port("CONTENT_PORT", 8082),
                port("SCHEDULE_PORT", 8083), port("KEYCLOAK_PORT", 8180), port("KEYCLOAK_MANAGEMENT_PORT", 9180),
                port("POSTGRES_PORT", 15432));
    }

    /** A suite for tests: free ports, everything under {@code home}, nothing kept. */
    public static SuiteSettings forTests(Path repository, Path home, Path keycloakDistribution) {
        return new SuiteSettings(repository, home, keycloakDistribution, true,
                Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free(), Ports.free());
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + gatewayPort;
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv("SUITE_" + variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}

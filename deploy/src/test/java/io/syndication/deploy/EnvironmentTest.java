package io.syndication.deploy;

import static io.syndication.deploy.SyndicationChart.SERVICES;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.syndication.deploy.SyndicationChart.Example;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Each service gets the variables its application.properties reads in production, and no others. */
class EnvironmentTest {

    private static final String EVERY_SERVICE = "PORT MANAGEMENT_PORT OIDC_URL OIDC_AUDIENCE PROBLEM_TYPE_BASE JAVA_MAX_MEM_RATIO"
            + " KAFKA_BOOTSTRAP_SERVERS";
    private static final String DATABASE = "DB_HOST DB_PORT DB_NAME DB_USERNAME DB_PASSWORD";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            partner-service  | DATABASE KEYCLOAK_URL KEYCLOAK_ADMIN_CLIENT_SECRET
            content-service  | DATABASE PARTNER_SERVICE_URL
            schedule-service | DATABASE DB_POOL_SIZE CONTENT_SERVICE_URL
            gateway          | DATABASE PARTNER_SERVICE_URL CONTENT_SERVICE_URL SCHEDULE_SERVICE_URL PARTNER_SERVICE_MANAGEMENT_URL CONTENT_SERVICE_MANAGEMENT_URL SCHEDULE_SERVICE_MANAGEMENT_URL GATEWAY_PUBLIC_URL GATEWAY_TOKEN_URL GATEWAY_CONSOLE_ISSUER GATEWAY_CONSOLE_CLIENT_ID GATEWAY_TRUSTED_PROXIES CORS_ORIGINS
            """)
    void everyServiceGetsTheVariablesItReads(String service, String own) {
        List<String> expected = Arrays.stream((EVERY_SERVICE + " " + own.replace("DATABASE", DATABASE)).split(" "))
                .sorted().toList();
        List<String> rendered = env(Example.PRODUCTION, service).stream().map(EnvVar::getName).sorted().toList();
        assertEquals(expected, rendered);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            partner-service  | OIDC_URL                        | https://sso.syndication.example/realms/syndication
            gateway          | OIDC_URL                        | https://sso.syndication.example/realms/syndication
            gateway          | OIDC_AUDIENCE                   | syndication-api
            partner-service  | KEYCLOAK_URL                    | https://sso.syndication.example
            partner-service  | DB_NAME                         | partners
            content-service  | DB_NAME                         | content
            schedule-service | DB_NAME                         | schedule
            gateway          | DB_NAME                         | gateway
            gateway          | DB_HOST                         | syndication-db-rw
            schedule-service | DB_HOST                         | syndication-db-rw
            schedule-service | DB_PORT                         | 5432
            schedule-service | DB_POOL_SIZE                    | 30
            content-service  | PARTNER_SERVICE_URL             | http://syndication-partner-service
            schedule-service | CONTENT_SERVICE_URL             | http://syndication-content-service
            gateway          | SCHEDULE_SERVICE_URL            | http://syndication-schedule-service
            gateway          | PARTNER_SERVICE_MANAGEMENT_URL  | http://syndication-partner-service:9000
            gateway          | GATEWAY_PUBLIC_URL              | https://api.syndication.example
            gateway          | GATEWAY_TOKEN_URL               | https://sso.syndication.example/realms/syndication/protocol/openid-connect/token
            gateway          | GATEWAY_CONSOLE_ISSUER          | https://sso.syndication.example/realms/syndication
            gateway          | GATEWAY_CONSOLE_CLIENT_ID       | console
            partner-service  | PROBLEM_TYPE_BASE               | https://api.syndication.example/problems/
            content-service  | PROBLEM_TYPE_BASE               | https://api.syndication.example/problems/
            schedule-service | PROBLEM_TYPE_BASE               | https://api.syndication.example/problems/
            gateway          | PROBLEM_TYPE_BASE               | https://api.syndication.example/problems/
            gateway          | GATEWAY_TRUSTED_PROXIES         | 10.244.0.0/16
            gateway          | CORS_ORIGINS                    | https://portal.syndication.example
            gateway          | PORT                            | 8080
            gateway          | MANAGEMENT_PORT                 | 9000
            content-service  | JAVA_MAX_MEM_RATIO              | 35
            partner-service  | KAFKA_BOOTSTRAP_SERVERS         | events-kafka-bootstrap.kafka.svc:9092
            content-service  | KAFKA_BOOTSTRAP_SERVERS         | events-kafka-bootstrap.kafka.svc:9092
            schedule-service | KAFKA_BOOTSTRAP_SERVERS         | events-kafka-bootstrap.kafka.svc:9092
            gateway          | KAFKA_BOOTSTRAP_SERVERS         | events-kafka-bootstrap.kafka.svc:9092
            """)
    void productionValuesBecomeTheseVariables(String service, String variable, String value) {
        assertEquals(value, variable(Example.PRODUCTION, service, variable).getValue());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            publicUrl          | https://api.example/   | PROBLEM_TYPE_BASE | https://api.example/problems/
            keycloak.publicUrl | https://login.example/ | GATEWAY_TOKEN_URL | https://login.example/realms/syndication/protocol/openid-connect/token
            keycloak.publicUrl | https://login.example/ | GATEWAY_CONSOLE_ISSUER | https://login.example/realms/syndication
            keycloak.realm     | ops                    | GATEWAY_CONSOLE_ISSUER | https://keycloak.example/realms/ops
            console.issuer     | https://id.example/realms/staff/ | GATEWAY_CONSOLE_ISSUER | https://id.example/realms/staff
            console.clientId   | ops-console            | GATEWAY_CONSOLE_CLIENT_ID | ops-console
            """)
    void derivedUrlsTrimATrailingSlashAndFollowTheirValue(String key, String value, String variable, String expected) {
        var rendered = SyndicationChart.render(Example.MINIMAL.file, Map.of(key, value));
        assertEquals(expected, rendered.container("gateway").getEnv().stream()
                .filter(env -> env.getName().equals(variable)).findFirst().orElseThrow().getValue());
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            partner-service  | DB_USERNAME                  | syndication-db-partners         | username
            partner-service  | DB_PASSWORD                  | syndication-db-partners         | password
            content-service  | DB_PASSWORD                  | syndication-db-content          | password
            schedule-service | DB_PASSWORD                  | syndication-db-schedule         | password
            gateway          | DB_USERNAME                  | syndication-db-gateway          | username
            gateway          | DB_PASSWORD                  | syndication-db-gateway          | password
            partner-service  | KEYCLOAK_ADMIN_CLIENT_SECRET | partner-service-keycloak-client | client-secret
            """)
    void credentialsComeFromTheNamedSecrets(String service, String variable, String secret, String key) {
        var reference = variable(Example.PRODUCTION, service, variable).getValueFrom().getSecretKeyRef();
        assertEquals(secret, reference.getName());
        assertEquals(key, reference.getKey());
    }

    @ParameterizedTest
    @EnumSource(Example.class)
    void everyServiceUrlNamesARenderedServiceAndPort(Example example) {
        RenderedRelease release = SyndicationChart.rendered(example);
        List<Executable> checks = SERVICES.stream()
                .flatMap(service -> env(example, service).stream())
                .filter(env -> env.getName().endsWith("_SERVICE_URL") || env.getName().endsWith("_MANAGEMENT_URL"))
                .map(env -> (Executable) () -> {
                    URI url = URI.create(env.getValue());
                    int port = url.getPort() == -1 ? 80 : url.getPort();
                    Service target = release.named(Service.class, url.getHost());
                    assertTrue(target.getSpec().getPorts().stream().anyMatch(p -> p.getPort() == port),
                            env.getName() + ": " + url.getHost() + " serves port " + port);
                })
                .toList();
        assertEquals(8, checks.size(), "the gateway's three upstreams and their management ports, two calls between services");
        assertAll(checks);
    }

    private static List<EnvVar> env(Example example, String service) {
        return SyndicationChart.rendered(example).container(service).getEnv();
    }

    private static EnvVar variable(Example example, String service, String name) {
        return Objects.requireNonNull(env(example, service).stream()
                .collect(Collectors.toMap(EnvVar::getName, Function.identity()))
                .get(name), service + " has " + name);
    }
}

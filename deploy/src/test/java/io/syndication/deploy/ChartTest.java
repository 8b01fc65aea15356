package io.syndication.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.LintResult;
import io.syndication.deploy.SyndicationChart.Example;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The chart as Helm sees it: lint, versions, and the values it refuses. */
class ChartTest {

    @Test
    void lintPassesInStrictMode() {
        LintResult lint = SyndicationChart.lint();
        assertFalse(lint.isFailed(), () -> String.join("\n", lint.getMessages()));
    }

    @Test
    void chartAndImagesCarryTheProjectVersion() throws IOException {
        String projectVersion = System.getProperty("project.version");
        assertNotNull(projectVersion, "surefire passes the Maven project version");
        @SuppressWarnings("unchecked")
        Map<String, Object> chart = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(SyndicationChart.DIR.resolve("Chart.yaml")));
        assertEquals(projectVersion, chart.get("appVersion"), "appVersion, the images' default tag");
        assertEquals(projectVersion, chart.get("version"), "the chart is released with the services");
    }

    /** Each value without a default stops the install, by name, rather than starting a service that fails. */
    @ParameterizedTest
    @ValueSource(strings = {
        "image.registry",
        "publicUrl",
        "keycloak.url",
        "keycloak.adminClient.existingSecret",
        "kafka.bootstrapServers",
        "postgresql.host",
        "postgresql.partnerService.existingSecret",
        "postgresql.contentService.existingSecret",
        "postgresql.scheduleService.existingSecret",
        "postgresql.gateway.existingSecret",
    })
    void refusesToRenderWithoutARequiredValue(String value) {
        Exception refusal = assertThrows(Exception.class,
                () -> SyndicationChart.template(Example.MINIMAL.file, Map.of(value, "")));
        assertTrue(refusal.getMessage().contains(value + " is required"), refusal.getMessage());
    }

    @Test
    void theMinimalValuesWithNothingUnsetRender() {
        // the baseline of the refusals above and below: without the bad value, the same render passes
        assertFalse(SyndicationChart.template(Example.MINIMAL.file, Map.of()).isBlank());
    }

    static Stream<Arguments> valuesTheSchemaRefuses() {
        return Stream.of(
                Arguments.of("a misspelt key", Map.of("defaults.replicas", "3")),
                Arguments.of("a misspelt key in a service's block", Map.of("gateway.replicaCont", "3")),
                Arguments.of("a misspelt key of the Ingress", Map.of("ingress.tlsSecret", "api-tls")),
                Arguments.of("an image variant that is not built", Map.of("image.variant", "graalvm")),
                Arguments.of("a grace period shorter than the drain", Map.of("defaults.terminationGracePeriodSeconds", "20")),
                Arguments.of("a public URL without a scheme", Map.of("publicUrl", "api.syndication.example")),
                Arguments.of("a Keycloak URL with the realm in it", Map.of("keycloak.url", "https://sso.example/realms/syndication")),
                Arguments.of("a public Keycloak URL without a scheme", Map.of("keycloak.publicUrl", "login.example")),
                Arguments.of("a console issuer without the realm", Map.of("console.issuer", "https://sso.example")),
                Arguments.of("a console issuer without a scheme", Map.of("console.issuer", "sso.example/realms/syndication")),
                Arguments.of("a console without a client", Map.of("console.clientId", "")),
                Arguments.of("a pool size for a service that reads none", Map.of("postgresql.partnerService.poolSize", "10")),
                Arguments.of("a pool size for the gateway, which reads none", Map.of("postgresql.gateway.poolSize", "10")),
                Arguments.of("a misspelt Kafka key", Map.of("kafka.bootstrapServer", "kafka:9092")),
                Arguments.of("Kafka's address without its port", Map.of("kafka.bootstrapServers", "events-kafka-bootstrap")),
                Arguments.of("Kafka's address as a URL", Map.of("kafka.bootstrapServers", "PLAINTEXT://events-kafka-bootstrap:9092")),
                Arguments.of("a secret as a literal value", Map.of(
                        "defaults.extraEnv[0].name", "API_SECRET", "defaults.extraEnv[0].value", "hunter2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesTheSchemaRefuses")
    void theValuesSchemaRefuses(String mistake, Map<String, String> values) {
        Exception refusal = assertThrows(Exception.class, () -> SyndicationChart.template(Example.MINIMAL.file, values));
        assertTrue(refusal.getMessage().contains("schema"), refusal.getMessage());
    }
}

package io.syndication.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

class ProductionSettingsTest {

    private static final Set<String> PUBLISHED = Set.of("partners", "partner-service-secret");

    @Test
    void ownSecretsPass() {
        assertThat(ProductionSettings.secretRefusals(Map.of("quarkus.datasource.password", Optional.of("s3cr3t-from-vault")),
                PUBLISHED), empty());
    }

    @Test
    void eachUnsetBlankOrPublishedSecretIsNamed() {
        assertThat(ProductionSettings.secretRefusals(Map.of(
                "quarkus.datasource.password", Optional.of("partners"),
                "quarkus.keycloak.admin-client.client-secret", Optional.empty(),
                "quarkus.oidc.credentials.secret", Optional.of("  ")), PUBLISHED),
                contains("quarkus.datasource.password is the published demo value; set a secret of your own",
                        "quarkus.keycloak.admin-client.client-secret is not set",
                        "quarkus.oidc.credentials.secret is not set"));
    }

    @Test
    void everySettingWhoseVariableIsUnsetIsNamedWithItsVariableAtOnce() {
        Config config = configOf("prod", Map.of(
                "%prod.quarkus.datasource.password", "${SYNDICATION_TEST_UNSET_PASSWORD}",
                "%prod.quarkus.datasource.jdbc.url", "jdbc:postgresql://${SYNDICATION_TEST_UNSET_HOST}:${SYNDICATION_TEST_UNSET_PORT:5432}/x",
                "%prod.gateway.public-url", "${SYNDICATION_TEST_UNSET_PUBLIC_URL:https://api.example}",
                "%dev.gateway.public-url", "${SYNDICATION_TEST_UNSET_DEV_ONLY}",
                "platform.secrets.settings", "quarkus.datasource.password"));
        assertThat(ProductionSettings.refusals(config), contains(
                "quarkus.datasource.jdbc.url needs the environment variable SYNDICATION_TEST_UNSET_HOST, which is not set",
                "quarkus.datasource.password needs the environment variable SYNDICATION_TEST_UNSET_PASSWORD, which is not set"));
    }

    @Test
    void aPublishedSecretIsRefusedUnlessTheSuiteAllowsIt() {
        Map<String, String> settings = Map.of(
                "quarkus.datasource.password", "partners",
                "platform.secrets.settings", "quarkus.datasource.password",
                "platform.secrets.published", "partners,content");
        assertThat(ProductionSettings.refusals(configOf("prod", settings)),
                contains("quarkus.datasource.password is the published demo value; set a secret of your own"));
        Map<String, String> suite = new java.util.HashMap<>(settings);
        suite.put("platform.secrets.allow-published", "true");
        assertThat(ProductionSettings.refusals(configOf("prod", suite)), empty());
    }

    private static Config configOf(String profile, Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250)).build();
    }
}

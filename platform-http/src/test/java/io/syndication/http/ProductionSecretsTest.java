package io.syndication.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ProductionSecretsTest {

    private static final Set<String> PUBLISHED = Set.of("partners", "partner-service-secret");

    @Test
    void ownSecretsPass() {
        assertThat(ProductionSecrets.refusals(Map.of("quarkus.datasource.password", Optional.of("s3cr3t-from-vault")),
                PUBLISHED), empty());
    }

    @Test
    void eachUnsetBlankOrPublishedSecretIsNamed() {
        assertThat(ProductionSecrets.refusals(Map.of(
                "quarkus.datasource.password", Optional.of("partners"),
                "quarkus.keycloak.admin-client.client-secret", Optional.empty(),
                "quarkus.oidc.credentials.secret", Optional.of("  ")), PUBLISHED),
                contains("quarkus.datasource.password is the published demo value; set a secret of your own",
                        "quarkus.keycloak.admin-client.client-secret is not set",
                        "quarkus.oidc.credentials.secret is not set"));
    }
}

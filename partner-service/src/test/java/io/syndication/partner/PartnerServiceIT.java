package io.syndication.partner;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Tokens;

/** The packaged service (the jar here, the native executable where one was built) serves its API. */
@QuarkusIntegrationTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PartnerServiceIT {

    @Test
    void thePackagedServiceServesItsApiAndChecksTokens() {
        given().when().get("/api/v1/applications/agreement").then().statusCode(200).body("version", equalTo("2026-09"));
        given().when().get("/api/v1/partners").then().spec(problem(401));
        given().auth().oauth2(Tokens.partner(UUID.randomUUID())).when().get("/api/v1/partners").then().spec(problem(403));
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/partners?limit=1").then().statusCode(200);
    }
}

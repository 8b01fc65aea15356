package io.syndication.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Tokens;

/** A partner's still-valid token counts only while partner-service says the partner is ACTIVE. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(FakePartnerServiceResource.class)
class PartnerStandingTest {

    @Test
    void anActivePartnerIsServed() {
        given().auth().oauth2(Tokens.partner(UUID.randomUUID()))
                .when().get("/api/v1/content")
                .then().statusCode(200);
    }

    @Test
    void aSuspendedPartnersTokenIsRefused() {
        UUID suspended = UUID.fromString("7d2a4c1e-0000-4000-8000-" + FakePartnerServiceResource.SUSPENDED_SUFFIX);
        given().auth().oauth2(Tokens.partner(suspended))
                .when().get("/api/v1/content")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://syndication.example/problems/partner-inactive"));
    }

    @Test
    void whenPartnerServiceFailsTheAnswerIs503WithRetryAfter() {
        UUID unknown = UUID.fromString("7d2a4c1e-0000-4000-8000-" + FakePartnerServiceResource.FAILING_SUFFIX);
        given().auth().oauth2(Tokens.partner(unknown))
                .when().get("/api/v1/content")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json");
    }

    @Test
    void operatorsAndAdminsAreNotPartners() {
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/content").then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/content").then().statusCode(200);
    }
}

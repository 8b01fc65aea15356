package io.syndication.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Tokens;

/** A partner's still-valid token counts only while partner-service says the partner is ACTIVE. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(FakePartnerServiceResource.class)
class PartnerStandingTest {

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    /** One test's failures of partner-service must not open the circuit for the next. */
    @BeforeEach
    void closeCircuits() {
        circuitBreakers.resetAll();
    }

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

    /** partner-service refusing our token, failing or silent says nothing about the partner: asked again, it is served. */
    @ParameterizedTest
    @ValueSource(strings = { "401", "500", "hang" })
    void aPartnerServiceFailureIs503AndNotRememberedAsARefusal(String failure) {
        UUID partner = UUID.randomUUID();
        FakePartnerServiceResource.answer(partner, failure);
        given().auth().oauth2(Tokens.partner(partner))
                .when().get("/api/v1/content")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json")
                .body("type", equalTo("https://syndication.example/problems/partner-service-unavailable"));
        FakePartnerServiceResource.answer(partner, "recover");
        given().auth().oauth2(Tokens.partner(partner))
                .when().get("/api/v1/content")
                .then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "401", "500" })
    void anAdminAskingAvailabilityWhilePartnerServiceFailsGets503(String failure) {
        UUID partner = UUID.randomUUID();
        String id = given().auth().oauth2(Tokens.partner(partner)).contentType(ContentType.JSON)
                .body(ContentCatalogueTest.programme("standing-" + failure, "Standing"))
                .when().post("/api/v1/content")
                .then().statusCode(201).extract().path("id");
        FakePartnerServiceResource.answer(partner, failure);
        given().auth().oauth2(Tokens.admin())
                .queryParam("at", "2026-12-24T20:00:00Z").queryParam("territory", "KR")
                .when().get("/api/v1/content/" + id + "/availability")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json");
        FakePartnerServiceResource.answer(partner, "recover");
        given().auth().oauth2(Tokens.admin())
                .queryParam("at", "2026-12-24T20:00:00Z").queryParam("territory", "KR")
                .when().get("/api/v1/content/" + id + "/availability")
                .then().statusCode(200)
                .body("reasons", contains("NOT_APPROVED"));
    }

    @Test
    void operatorsAndAdminsAreNotPartners() {
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/content").then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/content").then().statusCode(200);
    }
}

package io.syndication.content;

import static io.restassured.RestAssured.given;
import static io.syndication.content.ContentApi.availability;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Tokens;

/** A partner's still-valid token counts only while partner-service says the partner is ACTIVE. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakePartnerServiceResource.class)
class PartnerStandingTest {

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    /** One test's failures of partner-service must not open the circuit for the next. */
    @BeforeEach
    void closeCircuits() {
        circuitBreakers.resetAll();
    }

    /** Nor for the test class that runs next on the same application. */
    @AfterEach
    void leaveCircuitsClosed() {
        circuitBreakers.resetAll();
    }

    @Test
    void partnerServiceIsAskedWithTheCallersOwnToken() {
        UUID partner = UUID.randomUUID();
        String partnerToken = Tokens.partner(partner);
        String id = ContentApi.created(partnerToken, ContentCatalogueTest.programme("own-token", "Own token"));
        String adminToken = Tokens.admin();
        availability(adminToken, id, "2026-12-24T20:00:00Z", "KR")
                .then().statusCode(200);
        // the partner's standing once (then remembered), the admin's question about the partner once
        assertThat(FakePartnerServiceResource.questionsAbout(partner),
                contains("Bearer " + partnerToken, "Bearer " + adminToken));
    }

    @Test
    void aFailingPartnerServiceIsAskedOnceAndRetriedTwice() {
        UUID partner = UUID.randomUUID();
        FakePartnerServiceResource.answer(partner, "500");
        String token = Tokens.partner(partner);
        given().auth().oauth2(token).when().get("/api/v1/content").then().statusCode(503);
        assertThat(FakePartnerServiceResource.questionsAbout(partner), hasSize(3));
    }

    /** An answer later than a guard's default timeout, but within the 2 s configured: the partner is served. */
    @Test
    void aSlowButTimelyPartnerServiceIsWaitedFor() {
        UUID partner = UUID.randomUUID();
        FakePartnerServiceResource.answer(partner, "slow");
        given().auth().oauth2(Tokens.partner(partner)).when().get("/api/v1/content").then().statusCode(200);
        assertThat(FakePartnerServiceResource.questionsAbout(partner), hasSize(1));
    }

    /** Ten calls, half of them failed: partner-service is left alone, and a partner it would serve gets 503 at once. */
    @Test
    void onceHalfOfTenCallsFailedPartnerServiceIsNotAskedForAWhile() {
        UUID failing = UUID.randomUUID();
        FakePartnerServiceResource.answer(failing, "500");
        // four requests of three tries each: the tenth call fails
        for (int request = 0; request < 4; request++) {
            given().auth().oauth2(Tokens.partner(failing)).when().get("/api/v1/content").then().statusCode(503);
        }
        UUID healthy = UUID.randomUUID();
        given().auth().oauth2(Tokens.partner(healthy))
                .when().get("/api/v1/content")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("type", equalTo("https://syndication.example/problems/partner-service-unavailable"));
        assertThat(FakePartnerServiceResource.questionsAbout(healthy), empty());
    }

    /** A status partner-service adds one day is not ACTIVE: the partner is refused, the request never fails. */
    @Test
    void aStatusContentServiceDoesNotKnowIsNotActive() {
        UUID partner = UUID.randomUUID();
        String id = ContentApi.created(Tokens.partner(partner), ContentCatalogueTest.programme("probation", "Probation"));
        FakePartnerServiceResource.answer(partner, "unrecognised-status");
        availability(Tokens.admin(), id, "2026-12-24T20:00:00Z", "KR")
                .then().statusCode(200)
                .body("reasons", contains("NOT_APPROVED", "PARTNER_INACTIVE"));

        UUID newcomer = UUID.randomUUID();
        FakePartnerServiceResource.answer(newcomer, "unrecognised-status");
        assertRefusedAsInactive(newcomer);
    }

    @Test
    void anActivePartnerIsServed() {
        given().auth().oauth2(Tokens.partner(UUID.randomUUID()))
                .when().get("/api/v1/content")
                .then().statusCode(200);
    }

    @Test
    void aSuspendedPartnersTokenIsRefused() {
        assertRefusedAsInactive(UUID.fromString("7d2a4c1e-0000-4000-8000-" + FakePartnerServiceResource.SUSPENDED_SUFFIX));
    }

    private static void assertRefusedAsInactive(UUID partner) {
        given().auth().oauth2(Tokens.partner(partner))
                .when().get("/api/v1/content")
                .then().spec(problem(403))
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
        String id = ContentApi.created(Tokens.partner(partner), ContentCatalogueTest.programme("standing-" + failure, "Standing"));
        FakePartnerServiceResource.answer(partner, failure);
        availability(Tokens.admin(), id, "2026-12-24T20:00:00Z", "KR")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json");
        FakePartnerServiceResource.answer(partner, "recover");
        availability(Tokens.admin(), id, "2026-12-24T20:00:00Z", "KR")
                .then().statusCode(200)
                .body("reasons", contains("NOT_APPROVED"));
    }

    @Test
    void operatorsAndAdminsAreNotPartners() {
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/content").then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/content").then().statusCode(200);
    }
}

package io.syndication.partner;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.TestSql;
import io.syndication.testing.Tokens;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PartnerResourceTest {

    @BeforeEach
    void launchPartners() {
        TestSql.run("DELETE FROM partner_event", "DELETE FROM webhook_subscription", "DELETE FROM partner", """
                    INSERT INTO partner (id, slug, legal_name, display_name, category, status) VALUES
                    ('6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0001', 'asia-business-news', 'Asia Business News Ltd', 'ABN', 'NEWS', 'ACTIVE'),
                    ('6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0002', 'cricket-council', 'Asian Cricket Council', 'ACC Cricket', 'SPORTS', 'ACTIVE'),
                    ('6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0003', 'kpop-weekly', 'K-Pop Weekly Co', 'K-Pop Weekly', 'MUSIC', 'APPLIED')
                    """);
    }

    @Test
    void adminPagesThroughPartnersInSlugOrder() {
        String next = given().auth().oauth2(Tokens.admin())
                .queryParam("limit", 2)
                .when().get("/api/v1/partners")
                .then().statusCode(200)
                .body("items.slug", contains("asia-business-news", "cricket-council"))
                .body("next", notNullValue())
                .extract().path("next");

        given().auth().oauth2(Tokens.admin())
                .queryParam("limit", 2).queryParam("next", next)
                .when().get("/api/v1/partners")
                .then().statusCode(200)
                .body("items.slug", contains("kpop-weekly"))
                .body("next", nullValue());
    }

    @Test
    void operatorFiltersByStatus() {
        given().auth().oauth2(Tokens.operator())
                .queryParam("status", "APPLIED")
                .when().get("/api/v1/partners")
                .then().statusCode(200)
                .body("items.slug", contains("kpop-weekly"));
    }

    @Test
    void readsOnePartner() {
        given().auth().oauth2(Tokens.admin())
                .when().get("/api/v1/partners/6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0002")
                .then().statusCode(200)
                .body("slug", equalTo("cricket-council"))
                .body("category", equalTo("SPORTS"))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void unknownPartnerIsAProblem404() {
        given().auth().oauth2(Tokens.admin())
                .when().get("/api/v1/partners/" + UUID.randomUUID())
                .then().spec(problem(404))
                .body("status", equalTo(404))
                .body("type", containsString("/problems/not-found"));
    }

    @Test
    void noTokenIsAProblem401WithABearerChallenge() {
        given().when().get("/api/v1/partners")
                .then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void tokensNotForThisPlatformAre401() {
        for (String token : new String[] { Tokens.expired(), Tokens.foreignAudience(), Tokens.wrongIssuer(),
                Tokens.unsigned(), Tokens.foreignKey(), "not.a.jwt" }) {
            given().auth().oauth2(token)
                    .when().get("/api/v1/partners")
                    .then().spec(problem(401));
        }
    }

    @Test
    void partnerRoleIsAProblem403() {
        given().auth().oauth2(Tokens.partner(UUID.randomUUID()))
                .when().get("/api/v1/partners")
                .then().spec(problem(403))
                .body("status", equalTo(403));
    }

    @Test
    void outOfRangeLimitAndForeignCursorAre400() {
        given().auth().oauth2(Tokens.admin())
                .queryParam("limit", 500)
                .when().get("/api/v1/partners")
                .then().spec(problem(400))
                .body("violations.field", hasItem("limit"));
        given().auth().oauth2(Tokens.admin())
                .queryParam("next", "%%%not-ours")
                .when().get("/api/v1/partners")
                .then().spec(problem(400));
    }

    @Test
    void aValueTheDatabaseCannotHoldIsA400NotA500() {
        // PostgreSQL text cannot hold NUL: found by the API fuzz as a 500
        given().auth().oauth2(Tokens.admin()).urlEncodingEnabled(false)
                .when().get("/api/v1/partners?q=%00")
                .then().spec(problem(400))
                .body("type", containsString("unstorable-value"));
    }

    @Test
    void agreementIsPublic() {
        given().when().get("/api/v1/applications/agreement")
                .then().statusCode(200)
                .body("version", equalTo("2026-09"))
                .body("text", notNullValue());
    }

    @Test
    void everyRoleReadsTheAgreementWithItsToken() {
        // a blocking endpoint: the partner-standing check must run where the database can be reached
        String partner = Tokens.partner(java.util.UUID.fromString(PartnerApi.approved("reader")));
        for (String token : new String[] { partner, Tokens.admin(), Tokens.operator() }) {
            given().auth().oauth2(token).when().get("/api/v1/applications/agreement")
                    .then().statusCode(200)
                    .body("version", equalTo("2026-09"));
        }
    }

    @Test
    void unknownRouteAndWrongMethodAreProblems() {
        given().auth().oauth2(Tokens.admin())
                .when().get("/api/v1/nowhere")
                .then().spec(problem(404));
        given().auth().oauth2(Tokens.admin())
                .when().delete("/api/v1/partners")
                .then().spec(problem(405))
                .body("status", equalTo(405));
    }

    @Test
    void aMethodAPathNamedInFullDoesNotTakeIs405ThoughATemplateBesideItTakesTheMethod() {
        // PATCH /{id} would take /me: refused for the operator's role, or for "me" not being an id, as it was
        for (String token : List.of(Tokens.operator(), Tokens.partner(UUID.fromString("6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0001")))) {
            given().auth().oauth2(token).contentType("application/json").body("{}")
                    .when().patch("/api/v1/partners/me")
                    .then().spec(problem(405))
                    .header("Allow", containsString("GET"))
                    .header("Allow", not(containsString("PATCH")))
                    .body("detail", equalTo("Method PATCH is not allowed on /api/v1/partners/me"));
        }
        // a role that may not do what the path takes is still refused for its role
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/partners/me")
                .then().spec(problem(403));
    }

    @Test
    void requestIdIsEchoedOrGenerated() {
        given().header("X-Request-Id", "abc-123")
                .when().get("/api/v1/applications/agreement")
                .then().header("X-Request-Id", equalTo("abc-123"));
        given().when().get("/api/v1/applications/agreement")
                .then().header("X-Request-Id", notNullValue());
    }

    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    @Test
    void readinessOnTheManagementPortIncludesTheDatabase() {
        given().when().get(readiness)
                .then().statusCode(200)
                .body("checks.name", hasItem(containsString("Database")));
    }
}

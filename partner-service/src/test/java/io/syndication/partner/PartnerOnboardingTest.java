package io.syndication.partner;

import static io.restassured.RestAssured.given;
import static io.syndication.partner.PartnerApi.act;
import static io.syndication.partner.PartnerApi.application;
import static io.syndication.partner.PartnerApi.applied;
import static io.syndication.partner.PartnerApi.apply;
import static io.syndication.partner.PartnerApi.events;
import static io.syndication.partner.PartnerApi.patch;
import static io.syndication.partner.PartnerApi.read;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Tokens;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PartnerOnboardingTest {

    @Inject
    InMemoryPartnerCredentials identityProvider;

    @Test
    void anApplicantAppliesWithoutAToken() {
        String slug = "cricket-" + UUID.randomUUID().toString().substring(0, 8);
        ExtractableResponse<Response> created = apply(application(slug))
                .then().statusCode(201)
                .body("status", equalTo("APPLIED"))
                .body("id", notNullValue())
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location"), containsString("/api/v1/partners/" + id));
        assertThat(created.body().asString(), not(containsString("contactEmail")));

        read(Tokens.admin(), id)
                .then().statusCode(200)
                .body("slug", equalTo(slug))
                .body("territories", contains("IN", "SG", "AU"))
                .body("languages", contains("en", "hi-IN"))
                .body("agreementVersion", equalTo("2026-09"))
                .body("agreementAcceptedAt", notNullValue());
    }

    @Test
    void everyInvalidFieldOfAnApplicationIsListed() {
        apply("""
                        {"legalName": "", "displayName": "%s", "slug": "Bad Slug", "category": "SPORTS",
                         "territories": ["IN", "ZZ"], "languages": ["english"], "contactEmail": "not-an-email",
                         "website": "http://insecure.example", "webhookUrl": "ftp://x.example", "agreementVersion": "2026-09"}
                        """.formatted("x".repeat(101)))
                .then().spec(problem(400))
                .body("violations.field", containsInAnyOrder("legalName", "displayName", "slug", "territories[1]",
                        "languages[0]", "contactEmail", "website", "webhookUrl"));
    }

    @Test
    void aMissingBodyIsNamedBodyNotByTheJavaParameterItIsReadInto() {
        given().contentType(ContentType.JSON)
                .when().post("/api/v1/applications")
                .then().spec(problem(400))
                .body("violations.field", contains("body"))
                .body("detail", equalTo("The request has invalid fields: body"));
    }

    @Test
    void anUnknownCategoryIsA400NamingTheAllowedOnes() {
        apply(application("quiz-" + UUID.randomUUID().toString().substring(0, 8)).replace("SPORTS", "QUIZ"))
                .then().spec(problem(400))
                .body("detail", containsString("category"))
                .body("detail", containsString("ESPORTS"));
    }

    @Test
    void onlyTheCurrentAgreementIsAccepted() {
        apply(application("old-" + UUID.randomUUID().toString().substring(0, 8)).replace("2026-09", "2024-01"))
                .then().statusCode(400)
                .body("violations.field", contains("agreementVersion"));
    }

    @Test
    void theLongestContactEmailAllowedIsRecordedWithItsApplicant() {
        String email = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(53) + ".example";
        assertThat(email.length(), equalTo(254));
        String id = apply(application("long-mail-" + UUID.randomUUID().toString().substring(0, 8))
                        .replace("partnerships@cricket-council.example", email))
                .then().statusCode(201).extract().path("id");
        events(Tokens.admin(), id)
                .then().statusCode(200).body("items[0].actor", equalTo("applicant:" + email));
    }

    @Test
    void aTakenSlugIsAConflict() {
        String slug = "taken-" + UUID.randomUUID().toString().substring(0, 8);
        apply(application(slug))
                .then().statusCode(201);
        apply(application(slug))
                .then().spec(problem(409))
                .body("detail", containsString(slug));
    }

    @Test
    void approvalIssuesCredentialsOnceAndSuspensionDisablesThem() {
        String id = applied("esports");
        ExtractableResponse<Response> approval = act(id, "approve", null);
        assertThat(approval.statusCode(), equalTo(200));
        assertThat(approval.header("Cache-Control"), equalTo("no-store"));
        String clientId = approval.path("clientId");
        assertThat(approval.path("status"), equalTo("ACTIVE"));
        assertThat(approval.path("clientSecret"), equalTo(identityProvider.client(clientId).secret()));
        assertTrue(identityProvider.client(clientId).enabled());

        read(Tokens.admin(), id)
                .then().body("clientId", equalTo(clientId))
                .body("$", not(org.hamcrest.Matchers.hasKey("clientSecret")));

        assertThat(act(id, "suspend", null).statusCode(), equalTo(400));
        assertThat(act(id, "suspend", "Streams outside licensed territories").<String>path("status"), equalTo("SUSPENDED"));
        assertFalse(identityProvider.client(clientId).enabled());

        assertThat(act(id, "reinstate", null).<String>path("status"), equalTo("ACTIVE"));
        assertTrue(identityProvider.client(clientId).enabled());

        assertThat(act(id, "terminate", "Agreement ended").<String>path("status"), equalTo("TERMINATED"));
        assertFalse(identityProvider.client(clientId).enabled());
    }

    @Test
    void illegalTransitionsAre409NamingTheCurrentStatus() {
        String id = applied("kpop");
        for (String action : new String[] { "suspend", "reinstate", "terminate" }) {
            ExtractableResponse<Response> refused = act(id, action, "because");
            assertThat(action, refused.statusCode(), equalTo(409));
            assertThat(refused.<String>path("detail"), containsString("APPLIED"));
        }
        assertThat(act(id, "reject", null).statusCode(), equalTo(400));
        assertThat(act(id, "reject", "Incomplete rights documentation").<String>path("status"), equalTo("REJECTED"));
        for (String action : new String[] { "approve", "reject", "suspend", "reinstate", "terminate" }) {
            assertThat(action, act(id, action, "because").statusCode(), equalTo(409));
        }
    }

    @Test
    void aPartnerSeesAndChangesOnlyItself() {
        String own = applied("news");
        String other = applied("publisher");
        act(own, "approve", null);
        act(other, "approve", null);
        String token = Tokens.partner(UUID.fromString(own));

        given().auth().oauth2(token).when().get("/api/v1/partners/me")
                .then().statusCode(200).body("id", equalTo(own));
        read(token, own)
                .then().statusCode(200);
        for (String path : new String[] { "", "/events" }) {
            given().auth().oauth2(token).when().get("/api/v1/partners/" + other + path)
                    .then().spec(problem(404))
                    .body("$", not(org.hamcrest.Matchers.hasKey("slug")));
        }
        patch(token, other, "{\"displayName\": \"Taken over\"}")
                .then().statusCode(404);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .when().post("/api/v1/partners/" + other + "/credentials/rotate")
                .then().statusCode(404);
        given().auth().oauth2(token).when().get("/api/v1/partners")
                .then().statusCode(403);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/partners/" + own + "/approve")
                .then().statusCode(403);

        patch(token, own, "{\"displayName\": \"ABN 24/7\"}")
                .then().statusCode(200).body("displayName", equalTo("ABN 24/7"));
        patch(token, own, "{\"territories\": [\"US\"]}")
                .then().statusCode(403)
                .body("detail", containsString("territories"));
    }

    @Test
    void aSuspendedPartnersExistingTokenIsRefusedUntilReinstated() {
        String id = applied("suspended");
        act(id, "approve", null);
        String token = Tokens.partner(UUID.fromString(id));
        given().auth().oauth2(token).when().get("/api/v1/partners/me").then().statusCode(200);

        act(id, "suspend", "Unlicensed stream");
        given().auth().oauth2(token).when().get("/api/v1/partners/me")
                .then().spec(problem(403))
                .body("detail", containsString("SUSPENDED"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .when().post("/api/v1/partners/" + id + "/credentials/rotate")
                .then().statusCode(403);

        act(id, "reinstate", null);
        given().auth().oauth2(token).when().get("/api/v1/partners/me").then().statusCode(200);
    }

    @Test
    void aPartnerThatIsNotYetApprovedCannotActForItself() {
        String id = applied("pending");
        given().auth().oauth2(Tokens.partner(UUID.fromString(id))).when().get("/api/v1/partners/me")
                .then().statusCode(403)
                .body("detail", containsString("APPLIED"));
    }

    @Test
    void rotationReplacesTheSecret() {
        String id = applied("rotate");
        String first = act(id, "approve", null).path("clientSecret");
        String clientId = given().auth().oauth2(Tokens.partner(UUID.fromString(id))).contentType(ContentType.JSON)
                .when().post("/api/v1/partners/" + id + "/credentials/rotate")
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("clientSecret", not(equalTo(first)))
                .extract().path("clientId");
        assertThat(identityProvider.client(clientId).secret(), not(equalTo(first)));
    }

    @Test
    void operatorsReadButChangeNothing() {
        String id = applied("readonly");
        read(Tokens.operator(), id)
                .then().statusCode(200);
        patch(Tokens.operator(), id, "{\"displayName\": \"X\"}")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/partners/" + id + "/approve")
                .then().statusCode(403);
    }

    @Test
    void aStaleIfMatchIs412() {
        String id = applied("etag");
        String etag = read(Tokens.admin(), id)
                .then().extract().header("ETag");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"category\": \"ESPORTS\"}")
                .when().patch("/api/v1/partners/" + id)
                .then().statusCode(200).body("category", equalTo("ESPORTS"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"category\": \"MUSIC\"}")
                .when().patch("/api/v1/partners/" + id)
                .then().spec(problem(412));
    }

    @Test
    void theAuditTrailIsNewestFirstAndPaged() {
        String id = applied("audit");
        act(id, "approve", null);
        act(id, "suspend", "Late deliveries");
        patch(Tokens.admin(), id, "{\"displayName\": \"Audited\"}").then().statusCode(200);

        events(Tokens.admin(), id)
                .then().statusCode(200)
                .body("items.action", contains("UPDATED", "SUSPEND", "APPROVE", "APPLIED"))
                .body("items[0].changes.displayName.to", equalTo("Audited"))
                .body("items[1].reason", equalTo("Late deliveries"))
                .body("items[1].changes.status.from", equalTo("ACTIVE"))
                .body("items[1].actor", containsString("admin"));

        String next = given().auth().oauth2(Tokens.admin()).queryParam("limit", 3)
                .when().get("/api/v1/partners/" + id + "/events")
                .then().body("items.size()", equalTo(3)).extract().path("next");
        given().auth().oauth2(Tokens.admin()).queryParam("limit", 3).queryParam("next", next)
                .when().get("/api/v1/partners/" + id + "/events")
                .then().body("items.action", contains("APPLIED"));
    }

    @Test
    void adminsFilterPartners() {
        String id = applied("filter-me");
        given().auth().oauth2(Tokens.admin())
                .queryParam("category", "SPORTS").queryParam("territory", "AU").queryParam("q", "filter-me")
                .queryParam("status", "APPLIED")
                .when().get("/api/v1/partners")
                .then().statusCode(200)
                .body("items.id", hasItem(id));
        given().auth().oauth2(Tokens.admin())
                .queryParam("territory", "JP").queryParam("q", "filter-me")
                .when().get("/api/v1/partners")
                .then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().auth().oauth2(Tokens.admin()).queryParam("territory", "XX")
                .when().get("/api/v1/partners")
                .then().statusCode(400);
    }
}

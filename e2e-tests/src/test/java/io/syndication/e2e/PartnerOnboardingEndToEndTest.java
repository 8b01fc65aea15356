package io.syndication.e2e;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** A partner applies, is approved, and uses the credentials Keycloak issued, all through the gateway. */
@ExtendWith(Platform.class)
class PartnerOnboardingEndToEndTest {

    private static String gateway() {
        return Platform.suite().gatewayUrl();
    }

    private static int tokenStatus(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId).formParam("client_secret", secret)
                .when().post(Platform.suite().tokenEndpoint())
                .then().extract().statusCode();
    }

    private static ExtractableResponse<Response> admin(String id, String action, String reason) {
        return given().baseUri(gateway()).auth().oauth2(Platform.token("suite-admin")).contentType(ContentType.JSON)
                .body(reason == null ? "{}" : "{\"reason\": \"" + reason + "\"}")
                .when().post("/api/v1/partners/" + id + "/" + action)
                .then().statusCode(200)
                .extract();
    }

    @Test
    void theSuiteOnboardsTheLaunchPartnersWithTheirCatalogues() throws Exception {
        Path file = Platform.settings().home().resolve("partner-credentials.json");
        for (int run = 1; run <= 2; run++) {
            // the second run finds the partners there and rotates their secrets
            Map<String, String> partners = Platform.suite().onboardDemoPartners(file);
            JsonPath written = JsonPath.from(Files.readString(file));
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                    equalTo("rw-------"));
            assertThat(written.getList("clientId"), hasSize(5));
            String token = Platform.token(written.getString("[1].clientId"), written.getString("[1].clientSecret"));
            given().baseUri(gateway()).auth().oauth2(token)
                    .when().get("/api/v1/partners/me")
                    .then().statusCode(200)
                    .body("slug", equalTo("cricket-council"))
                    .body("status", equalTo("ACTIVE"));
            // the catalogue was sent once: the second run finds it unchanged
            given().baseUri(gateway()).auth().oauth2(token).queryParam("limit", 200)
                    .when().get("/api/v1/content")
                    .then().statusCode(200)
                    .body("items.size()", equalTo(38))
                    .body("items.findAll { it.status == 'APPROVED' }.size()", equalTo(31))
                    .body("items.findAll { it.kind == 'LIVE_EVENT' }.size()", equalTo(2));

            // each partner's channel: the coming week in its own zone has no gap, and a live event
            List<String> channels = Platform.suite().scheduleDemoChannels(partners);
            String operator = Platform.token("suite-operator");
            String cricket = given().baseUri(gateway()).auth().oauth2(operator).queryParam("limit", 200)
                    .when().get("/api/v1/channels").then().statusCode(200).extract().jsonPath()
                    .getString("items.find { it.slug == '" + channels.get(1) + "' }.id");
            ZoneId kolkata = ZoneId.of("Asia/Kolkata");
            LocalDate today = LocalDate.now(kolkata);
            given().baseUri(gateway()).auth().oauth2(operator)
                    .queryParam("from", today.atStartOfDay(kolkata).toInstant().toString())
                    .queryParam("to", today.plusDays(7).atStartOfDay(kolkata).toInstant().toString())
                    .when().get("/api/v1/channels/" + cricket + "/validation")
                    .then().statusCode(200).body("findings", empty());
            given().baseUri(gateway()).auth().oauth2(operator).queryParam("date", today.plusDays(1).toString())
                    .when().get("/api/v1/channels/" + cricket + "/guide")
                    .then().statusCode(200).body("programmes.kind", hasItem("LIVE"));
        }
    }

    @Test
    void aPartnerAppliesIsApprovedAndUsesItsOwnCredentials() {
        String slug = "esports-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().baseUri(gateway()).contentType(ContentType.JSON).body(application(slug))
                .when().post("/api/v1/applications")
                .then().statusCode(201)
                .extract().path("id");

        ExtractableResponse<Response> approval = admin(id, "approve", null);
        String clientId = approval.path("clientId");
        String secret = approval.path("clientSecret");

        String token = Platform.token(clientId, secret);
        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1])));
        assertThat(claims.getString("partner_id"), equalTo(id));
        assertThat(claims.getList("realm_access.roles"), hasItem("partner"));
        assertThat(claims.getList("aud"), hasItem("syndication-api"));

        given().baseUri(gateway()).auth().oauth2(token)
                .when().get("/api/v1/partners/me")
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("ACTIVE"));

        // rotation: the old secret stops working at once, the new one works
        String rotated = given().baseUri(gateway()).auth().oauth2(token).contentType(ContentType.JSON)
                .when().post("/api/v1/partners/" + id + "/credentials/rotate")
                .then().statusCode(200)
                .body("clientSecret", not(equalTo(secret)))
                .extract().path("clientSecret");
        assertThat(tokenStatus(clientId, secret), anyOf(equalTo(400), equalTo(401)));
        assertThat(tokenStatus(clientId, rotated), equalTo(200));

        // suspension disables the client at Keycloak; reinstatement enables it again
        String beforeSuspension = Platform.token(clientId, rotated);
        admin(id, "suspend", "Match feeds delivered outside licensed territories");
        assertThat(tokenStatus(clientId, rotated), anyOf(equalTo(400), equalTo(401)));
        given().baseUri(gateway()).auth().oauth2(beforeSuspension)
                .when().get("/api/v1/partners/me")
                .then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("SUSPENDED"));
        // content-service asks partner-service, so the same token is refused there too
        given().baseUri(gateway()).auth().oauth2(beforeSuspension)
                .when().get("/api/v1/content")
                .then().spec(problem(403));
        admin(id, "reinstate", null);
        assertThat(tokenStatus(clientId, rotated), equalTo(200));
    }

    @Test
    void noApplicantReachesAClientThatIsNotItsOwn() {
        // partner-service's own client would be partner-<slug> for the slug "service"
        given().baseUri(gateway()).contentType(ContentType.JSON).body(application("service"))
                .when().post("/api/v1/applications")
                .then().spec(problem(409))
                .body("type", org.hamcrest.Matchers.containsString("client-id-taken"));

        // a client made at Keycloak after the application, for nobody: approval must not take it over
        String slug = "squat-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().baseUri(gateway()).contentType(ContentType.JSON).body(application(slug))
                .when().post("/api/v1/applications").then().statusCode(201).extract().path("id");
        String keycloak = Platform.suite().tokenEndpoint().substring(0, Platform.suite().tokenEndpoint().indexOf("/realms/"));
        given().auth().oauth2(Platform.token("partner-service", "partner-service-secret")).contentType(ContentType.JSON)
                .body("{\"clientId\": \"partner-" + slug + "\", \"secret\": \"squatter-secret\", \"serviceAccountsEnabled\": true,"
                        + " \"publicClient\": false, \"standardFlowEnabled\": false}")
                .when().post(keycloak + "/admin/realms/syndication/clients")
                .then().statusCode(201);
        given().baseUri(gateway()).auth().oauth2(Platform.token("suite-admin")).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/partners/" + id + "/approve")
                .then().spec(problem(409))
                .body("type", org.hamcrest.Matchers.containsString("client-id-taken"));
        // the squatted client keeps its secret, and the platform's own client still works
        assertThat(tokenStatus("partner-" + slug, "squatter-secret"), equalTo(200));
        assertThat(tokenStatus("partner-service", "partner-service-secret"), equalTo(200));

        // reconciliation meets no client of anyone else's: the squatter is not a partner's, nothing is repaired
        Platform.approvedPartnerToken("reconciled", "SG");
        given().baseUri(gateway()).auth().oauth2(Platform.token("suite-admin"))
                .when().post("/api/v1/partners/reconciliation")
                .then().statusCode(200)
                .body("checked", org.hamcrest.Matchers.greaterThan(0))
                .body("findings.findAll { it.outcome != 'BUSY' }", empty());
    }

    private static String application(String slug) {
        return """
                {"legalName": "Pacific Esports League Pte Ltd", "displayName": "PEL", "slug": "%s",
                 "category": "ESPORTS", "territories": ["SG", "KR", "JP"], "languages": ["en", "ko"],
                 "contactEmail": "content@pel.example", "website": "https://pel.example", "agreementVersion": "2026-09"}
                """.formatted(slug);
    }
}

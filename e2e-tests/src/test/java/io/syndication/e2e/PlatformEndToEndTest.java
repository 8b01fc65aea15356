package io.syndication.e2e;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The four packaged services with a real PostgreSQL and a real Keycloak, as {@code ./suite} runs
 * them, driven through the gateway with client-credentials tokens from Keycloak.
 */
@ExtendWith(Platform.class)
class PlatformEndToEndTest {

    private static String token(String client) {
        return Platform.token(client);
    }

    @Test
    void keycloakTokensCarryRolesAndThePlatformAudience() {
        String payload = token("suite-partner").split("\\.")[1];
        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(payload)));
        assertThat(claims.getList("aud"), hasItem("syndication-api"));
        assertThat(claims.getList("realm_access.roles"), hasItem("partner"));
        assertThat(claims.getString("partner_id"), notNullValue());
    }

    @Test
    void anOperatorTokenReachesTheScheduleServiceThroughTheGateway() {
        String operator = token("suite-operator");
        String slug = "news-247-" + UUID.randomUUID().toString().substring(0, 8) + ".apac.example";
        String id = given().baseUri(Platform.suite().gatewayUrl()).auth().oauth2(operator).contentType(ContentType.JSON)
                .body("""
                        {"slug": "%s", "name": "Asia Business News 24/7", "timeZone": "Asia/Hong_Kong", "territories": ["HK", "SG"]}
                        """.formatted(slug))
                .when().post("/api/v1/channels")
                .then().statusCode(201)
                .extract().path("id");
        given().baseUri(Platform.suite().gatewayUrl()).auth().oauth2(operator)
                .when().get("/api/v1/channels")
                .then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void anAdminTokenReachesThePartnerAndContentServices() {
        String admin = token("suite-admin");
        given().baseUri(Platform.suite().gatewayUrl()).auth().oauth2(admin)
                .when().get("/api/v1/partners")
                .then().statusCode(200)
                .body("items", notNullValue());
        given().baseUri(Platform.suite().gatewayUrl()).auth().oauth2(admin)
                .when().get("/api/v1/content")
                .then().statusCode(200)
                .body("items", notNullValue());
        given().baseUri(Platform.suite().gatewayUrl())
                .when().get("/api/v1/applications/agreement")
                .then().statusCode(200)
                .body("version", notNullValue());
    }

    @Test
    void noTokenIsAProblem401() {
        given().baseUri(Platform.suite().gatewayUrl())
                .when().get("/api/v1/channels")
                .then().spec(problem(401))
                .body("status", equalTo(401));
    }

    @Test
    void theWrongRoleIsAProblem403() {
        given().baseUri(Platform.suite().gatewayUrl()).auth().oauth2(token("suite-partner"))
                .when().get("/api/v1/channels")
                .then().spec(problem(403))
                .body("status", equalTo(403));
    }

    @Test
    void unknownThingsAreProblem404s() {
        String operator = token("suite-operator");
        given().baseUri(Platform.suite().gatewayUrl()).auth().oauth2(operator)
                .when().get("/api/v1/channels/" + UUID.randomUUID())
                .then().spec(problem(404));
        given().baseUri(Platform.suite().gatewayUrl()).auth().oauth2(operator)
                .when().get("/no/such/route")
                .then().spec(problem(404));
    }

    @Test
    void aProblemsTypeIsTheGatewaysPageExplainingIt() {
        String gateway = Platform.suite().gatewayUrl();
        String operator = token("suite-operator");
        // one answered by schedule-service behind the gateway, one by the gateway itself
        for (String path : List.of("/api/v1/channels/" + UUID.randomUUID(), "/no/such/route")) {
            String type = given().baseUri(gateway).auth().oauth2(operator)
                    .when().get(path)
                    .then().spec(problem(404))
                    .extract().path("type");
            assertThat(type, equalTo(gateway + "/problems/not-found"));
            given().accept("text/html").when().get(type)
                    .then().statusCode(200)
                    .contentType("text/html")
                    .body(containsString("<code>not-found</code>"));
        }
    }

    @Test
    void theRequestIdCrossesTheGatewayIntoTheServiceLog() {
        String requestId = "e2e-" + UUID.randomUUID();
        given().baseUri(Platform.suite().gatewayUrl()).auth().oauth2(token("suite-operator"))
                .header("X-Request-Id", requestId)
                .when().get("/api/v1/channels")
                .then().statusCode(200)
                .header("X-Request-Id", requestId);
        Path log = Platform.settings().home().resolve("logs/schedule-service.log");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(Files.readString(log), containsString("req=" + requestId)));
    }

    @Test
    void theGatewayPublishesThePlatformsWholeApi() throws Exception {
        String document = given().baseUri(Platform.suite().gatewayUrl())
                .when().get("/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/applications'.post.operationId", equalTo("applyAsPartner"))
                .body("paths.'/api/v1/content/batch'.post.operationId", equalTo("batchContent"))
                .body("paths.'/api/v1/channels'.post.operationId", equalTo("createChannel"))
                // where the suite's clients get their tokens
                .body("components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl",
                        equalTo(Platform.suite().tokenEndpoint()))
                .extract().asString();
        // kept for scripts/lint-openapi, which lints it with the services' own documents
        Path file = Path.of("target/openapi/platform.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, document);
    }
}

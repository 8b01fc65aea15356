package io.syndication.gateway;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.syndication.testing.Tokens;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(EchoUpstreamResource.class)
class GatewayRoutingTest {

    /** The management interface's root, {@code http://localhost:<port>/q/}: health and metrics. */
    @TestHTTPResource(management = true)
    URL management;

    @Test
    void forwardsTheCallersTokenAndRequestId() {
        String token = Tokens.operator();
        Response response = given().auth().oauth2(token).header("X-Request-Id", "req-42")
                .when().get("/api/v1/channels?limit=5");
        response.then().statusCode(200)
                .body("uri", equalTo("/api/v1/channels?limit=5"))
                .body("headers.authorization", equalTo("Bearer " + token))
                .body("headers.x-request-id", equalTo("req-42"))
                .body("headers.x-forwarded-for", startsWith("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"));
        org.hamcrest.MatcherAssert.assertThat(response.headers().getValues("X-Request-Id"), hasSize(1));
        org.hamcrest.MatcherAssert.assertThat(response.header("X-Request-Id"), equalTo("req-42"));
    }

    @Test
    void givesARequestIdWhenTheCallerSentNone() {
        Response response = given().auth().oauth2(Tokens.admin()).when().get("/api/v1/partners");
        response.then().statusCode(200).header("X-Request-Id", notNullValue());
        response.then().body("headers.x-request-id", equalTo(response.header("X-Request-Id")));
        java.util.UUID id = java.util.UUID.fromString(response.header("X-Request-Id"));
        assertThat(id.version(), equalTo(4));
        assertThat(id.variant(), equalTo(2));
        String next = given().auth().oauth2(Tokens.admin()).when().get("/api/v1/partners").header("X-Request-Id");
        assertThat(next, not(equalTo(id.toString())));
    }

    @Test
    void routesEachPrefixAndStreamsBodies() {
        String channel = "{\"slug\": \"news-247.apac.example\"}";
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(channel)
                .when().post("/api/v1/channels")
                .then().statusCode(200)
                .body("method", equalTo("POST"))
                .body("bodyLength", equalTo(channel.length()));
        given().auth().oauth2(Tokens.operator())
                .when().get("/api/v1/epg.xml?channel=news-247.apac.example")
                .then().statusCode(200)
                .body("uri", startsWith("/api/v1/epg.xml"));
    }

    @Test
    void theApplicationEndpointsArePublic() {
        given().when().get("/api/v1/applications/agreement")
                .then().statusCode(200)
                .body("uri", equalTo("/api/v1/applications/agreement"));
    }

    @Test
    void noTokenIsAProblem401AtTheEdge() {
        given().when().get("/api/v1/channels")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void aBadTokenIsAProblem401() {
        for (String token : new String[] { Tokens.expired(), Tokens.foreignAudience(), Tokens.wrongIssuer(),
                Tokens.unsigned(), Tokens.foreignKey(), "garbage" }) {
            given().auth().oauth2(token)
                    .when().get("/api/v1/channels")
                    .then().spec(problem(401));
        }
    }

    @Test
    void anUpstreamThatIsDownIsAProblem503WithRetryAfter() {
        given().auth().oauth2(Tokens.admin())
                .when().get("/api/v1/content")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json")
                .body("detail", containsString("content-service"));
    }

    @Test
    void aHugeUrlIsAProblem414AndHugeHeadersAProblem431BeforeAnythingElse() {
        given().when().get("/api/v1/channels?q=" + "a".repeat(100_000))
                .then().spec(problem(414))
                .body("title", equalTo("URI Too Long"))
                .body("detail", containsString("at most 4000"));
        given().header("X-Padding", "a".repeat(30_000)).when().get("/api/v1/channels")
                .then().spec(problem(431))
                .body("status", equalTo(431))
                .body("detail", containsString("at most 16384"));
    }

    @Test
    void aLocationNamingTheUpstreamNamesTheGatewayAsTheCallerReachedIt() {
        String gateway = RestAssured.baseURI + ":" + RestAssured.port;
        // from a caller that is no trusted proxy, forwarded headers name nothing
        given().auth().oauth2(Tokens.operator()).header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .when().post("/api/v1/channels/created")
                .then().statusCode(201)
                .header("Location", equalTo(gateway + "/api/v1/channels/42?view=full"))
                .header("Content-Location", equalTo(gateway + "/api/v1/channels/42"));
        given().auth().oauth2(Tokens.operator()).redirects().follow(false)
                .when().get("/api/v1/channels/moved")
                .then().statusCode(301)
                .header("Location", equalTo("https://media.syndication.example/42"));
    }

    @Test
    void anUnknownRouteIsAProblem404() {
        given().auth().oauth2(Tokens.admin())
                .when().get("/nowhere")
                .then().spec(problem(404));
    }

    @Test
    void aDownUpstreamLeavesTheGatewayReadyAndIsReportedInAGroupOfItsOwn() {
        // content-service is unreachable here: the gateway still serves every other route, so it stays ready
        given().when().get(management + "health/ready")
                .then().statusCode(200)
                .body("checks.name", not(hasItem("upstreams")));
        given().when().get(management + "health/group/upstreams")
                .then().statusCode(503)
                .body("checks.find { it.name == 'upstreams' }.data.'partner-service'", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.'content-service'", equalTo("DOWN"));
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/partners").then().statusCode(200);
    }

    @Test
    void aSlowUpstreamIsAProblem504() {
        // the upstream answers 200 after 3 s: a 504 is the gateway's own 1 s timeout at work
        given().auth().oauth2(Tokens.operator())
                .when().get("/api/v1/channels/slow")
                .then().spec(problem(504))
                .body("detail", containsString("schedule-service"));
    }

    @Test
    void everyApiResponseCarriesRateLimitHeaders() {
        given().auth().oauth2(Tokens.admin())
                .when().get("/api/v1/partners")
                .then().statusCode(200)
                .header("RateLimit-Limit", equalTo("6000"))
                .header("RateLimit-Remaining", notNullValue())
                .header("RateLimit-Reset", notNullValue());
    }

    @Test
    void roleRulesApplyAtTheEdge() {
        // the echo upstream would answer 200: a 403 here was decided by the gateway
        given().auth().oauth2(Tokens.partner(java.util.UUID.randomUUID()))
                .when().get("/api/v1/channels")
                .then().spec(problem(403));
        given().auth().oauth2(Tokens.partner(java.util.UUID.randomUUID()))
                .when().get("/api/v1/partners")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.partner(java.util.UUID.randomUUID()))
                .when().get("/api/v1/partners/me")
                .then().statusCode(200);
    }

    @Test
    void aReadWhoseConnectionWasDroppedGoesOnceMoreButAWriteNever() {
        given().auth().oauth2(Tokens.operator()).header("X-Request-Id", "read-" + java.util.UUID.randomUUID())
                .when().get("/api/v1/channels/closes-once")
                .then().statusCode(200)
                .body("method", equalTo("GET"));
        given().auth().oauth2(Tokens.operator()).header("X-Request-Id", "write-" + java.util.UUID.randomUUID())
                .contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/channels/closes-once")
                .then().spec(problem(503));
    }

    @Test
    void healthAndMetricsAreOnlyOnTheManagementPortWhileTheApiDocumentsArePublic() {
        given().when().get(management + "health/live").then().statusCode(200);
        given().when().get(management + "metrics").then().statusCode(200)
                .body(containsString("gateway_upstream_circuit_open{upstream=\"content-service\"}"));
        // the public port has neither: anything else under /q there is for admins, and these are nowhere
        given().when().get("/q/metrics").then().spec(problem(401));
        given().auth().oauth2(Tokens.operator()).when().get("/q/health/live").then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).when().get("/q/metrics").then().spec(problem(404));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/openapi").then().statusCode(200);
    }

    @Test
    void requestMetricsAreByRouteNotById() {
        String first = java.util.UUID.randomUUID().toString();
        String second = java.util.UUID.randomUUID().toString();
        for (String id : java.util.List.of(first, second)) {
            given().auth().oauth2(Tokens.operator()).when().get("/api/v1/channels/" + id + "/slots")
                    .then().statusCode(200);
        }
        String metrics = given().when().get(management + "metrics").then().statusCode(200)
                .extract().asString();
        assertThat(metrics, containsString("uri=\"/api/v1/channels/{id}/slots\""));
        assertThat(metrics, not(containsString(first)));
        assertThat(metrics, not(containsString(second)));
    }

    @Test
    void aSuspendedPartnersValidTokenIsRefusedAtTheEdge() {
        // content-service is unreachable here: a 403 rather than a 503 was decided by the gateway
        given().auth().oauth2(Tokens.partner(java.util.UUID.fromString(EchoUpstreamResource.SUSPENDED_PARTNER)))
                .when().get("/api/v1/content")
                .then().spec(problem(403))
                .body("type", endsWith("/partner-inactive"));
        given().auth().oauth2(Tokens.partner(java.util.UUID.randomUUID()))
                .when().get("/api/v1/content")
                .then().statusCode(503);
    }

    @Test
    void aVerifiedTokenIsReusedButATamperedCopyIsNot() {
        String token = Tokens.admin();
        for (int call = 0; call < 3; call++) {
            given().auth().oauth2(token).when().get("/api/v1/partners").then().statusCode(200);
        }
        String[] parts = token.split("\\.");
        String otherClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("admin@platform", "mallory@platform").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().auth().oauth2(parts[0] + "." + otherClaims + "." + parts[2])
                .when().get("/api/v1/partners")
                .then().spec(problem(401));
    }

    @Test
    void writesOneAccessLogLinePerRequestWithItsRequestIdClientStatusAndLatency() {
        try (CapturedLogs accessLog = CapturedLogs.of("io.syndication.gateway.access")) {
            String requestId = "access-" + java.util.UUID.randomUUID();
            given().auth().oauth2(Tokens.operator()).header("X-Request-Id", requestId)
                    .when().get("/api/v1/channels?limit=5").then().statusCode(200);
            // no trusted proxy here: the caller's own X-Forwarded-For does not name it
            given().header("X-Request-Id", requestId + "-anonymous").header("X-Forwarded-For", "203.0.113.9")
                    .when().get("/api/v1/channels").then().statusCode(401);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> accessLog.messages().stream().filter(line -> line.contains(requestId)).count() == 2);
            List<String> lines = accessLog.messages();
            assertThat(lines, hasItem(matchesPattern("req=" + requestId + " client=operator@platform GET /api/v1/channels 200 [0-9.]+ ms")));
            assertThat(lines, hasItem(matchesPattern(
                    "req=" + requestId + "-anonymous client=anonymous@127\\.0\\.0\\.1 GET /api/v1/channels 401 [0-9.]+ ms")));
        }
    }
}

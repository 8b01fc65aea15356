package io.syndication.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.syndication.testing.Race;

/**
 * The platform's promises under failure, against the packaged services, a real PostgreSQL and a real
 * Keycloak: racing writes, PostgreSQL restarted mid-stream, a service frozen or stopped mid-load,
 * Keycloak unreachable. Each scenario prints its answers by status for the record and asserts only
 * behaviour; how fast racing placements are answered is measured by benchmarks/racing_placements.py.
 */
@ExtendWith(Platform.class)
class ReliabilityEndToEndTest {

    /** An answer: its status, media type, and whether it said when to retry. */
    private record Answer(int status, String contentType, boolean retryAfter) {
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(Platform.suite().gatewayUrl()).auth().oauth2(token);
    }

    private static Answer answer(Supplier<ExtractableResponse<Response>> call) {
        ExtractableResponse<Response> response = call.get();
        return new Answer(response.statusCode(), String.valueOf(response.contentType()), response.header("Retry-After") != null);
    }

    /** Fires {@code count} calls at once and collects their answers. */
    private static List<Answer> race(int count, IntFunction<ExtractableResponse<Response>> call) {
        return Race.of(count, racer -> answer(() -> call.apply(racer)));
    }

    private static void report(String scenario, List<Answer> answers) {
        Map<Integer, Long> byStatus = new java.util.TreeMap<>();
        answers.forEach(answer -> byStatus.merge(answer.status(), 1L, Long::sum));
        System.out.printf("[reliability] %s: %d answers %s%n", scenario, answers.size(), byStatus);
    }

    private static List<Integer> statuses(List<Answer> answers) {
        return answers.stream().map(Answer::status).toList();
    }

    private static String programme(String externalId, int minutes) {
        return """
                {"externalId": "%s", "kind": "PROGRAMME", "title": "Bulletin %s", "synopsis": "Markets.", "language": "en",
                 "categories": ["NEWS"], "durationSeconds": %d, "mediaUrl": "https://cdn.reliable.example/%s.m3u8",
                 "ageRating": "ALL_AGES", "availableFrom": "2026-01-01T00:00:00Z", "territories": ["SG"]}
                """.formatted(externalId, externalId, minutes * 60, externalId);
    }

    @Test
    void ofFiftyRacingPlacementsThroughTheGatewayExactlyOneWins() throws Exception {
        String partner = Platform.approvedPartnerToken("racing", "SG");
        String admin = Platform.token("suite-admin");
        String operator = Platform.token("suite-operator");
        String item = as(partner).contentType(ContentType.JSON).body(programme("race-1", 30))
                .when().post("/api/v1/content").then().statusCode(201).extract().path("id");
        as(partner).contentType(ContentType.JSON).when().post("/api/v1/content/" + item + "/submit").then().statusCode(200);
        String version = as(admin).when().get("/api/v1/content/" + item).then().extract().header("ETag");
        as(admin).contentType(ContentType.JSON).header("If-Match", version)
                .when().post("/api/v1/content/" + item + "/approve").then().statusCode(200);
        String channel = as(operator).contentType(ContentType.JSON)
                .body(Map.of("slug", "race-" + UUID.randomUUID().toString().substring(0, 8) + ".sg.example", "name", "Race",
                        "timeZone", "Asia/Singapore", "territories", List.of("SG")))
                .when().post("/api/v1/channels").then().statusCode(201).extract().path("id");

        List<Answer> answers = race(50, racer -> as(operator).contentType(ContentType.JSON)
                .body(Map.of("contentId", item, "start", Instant.parse("2026-12-20T12:00:00Z").plusSeconds(racer).toString()))
                .when().post("/api/v1/channels/" + channel + "/slots").then().extract());
        report("50 racing placements", answers);
        assertThat(statuses(answers), everyItem(is(in(List.of(201, 409)))));
        assertThat(answers.stream().filter(answer -> answer.status() == 201).count(), equalTo(1L));
        assertThat(answers.stream().filter(answer -> answer.status() == 409).map(Answer::contentType).toList(),
                everyItem(is("application/problem+json")));
    }

    @Test
    void aPostgresRestartInTheMiddleOfAStreamOfWritesLosesNoAcknowledgedOne() throws Exception {
        String partner = Platform.approvedPartnerToken("durable", "SG");
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Answer> answers = new ArrayList<>();
        Set<String> acknowledged = new HashSet<>();
        ExecutorService restarter = Executors.newSingleThreadExecutor();
        try {
            Future<?> restart = null;
            for (int i = 0; i < 60; i++) {
                if (i == 20) {
                    restart = restarter.submit(() -> Platform.suite().restartPostgres());
                }
                String externalId = "durable-" + run + "-" + i;
                Answer answer = answer(() -> as(partner).contentType(ContentType.JSON).body(programme(externalId, 30))
                        .when().put("/api/v1/content/external/" + externalId).then().extract());
                answers.add(answer);
                if (answer.status() == 200 || answer.status() == 201) {
                    acknowledged.add(externalId);
                }
            }
            restart.get();
        } finally {
            restarter.shutdownNow();
        }
        report("60 writes across a PostgreSQL restart", answers);
        // a write the restart cut short says so (503, retry); it is never a 500
        assertThat(statuses(answers), everyItem(is(in(List.of(200, 201, 503)))));
        List<String> found = as(partner).queryParam("limit", 200).queryParam("q", "Bulletin durable-" + run)
                .when().get("/api/v1/content").then().statusCode(200).extract().path("items.externalId");
        Set<String> missing = new HashSet<>(acknowledged);
        found.forEach(missing::remove);
        System.out.printf("[reliability] writes acknowledged %d, found %d, missing %s%n", acknowledged.size(), found.size(), missing);
        assertThat(missing, empty());
        assertThat(found.size(), equalTo(new HashSet<>(found).size()));
    }

    @Test
    void aFrozenContentServiceIsA503WithRetryAfterForEveryoneWhoNeedsItAndRecovers() throws Exception {
        String partner = Platform.approvedPartnerToken("frozen", "SG");
        String operator = Platform.token("suite-operator");
        String item = as(partner).contentType(ContentType.JSON).body(programme("frozen-1", 30))
                .when().post("/api/v1/content").then().statusCode(201).extract().path("id");
        String channel = as(operator).contentType(ContentType.JSON)
                .body(Map.of("slug", "frozen-" + UUID.randomUUID().toString().substring(0, 8) + ".sg.example", "name", "Frozen",
                        "timeZone", "Asia/Singapore", "territories", List.of("SG")))
                .when().post("/api/v1/channels").then().statusCode(201).extract().path("id");
        List<Answer> answers = new ArrayList<>();
        Platform.suite().freeze("content-service");
        try {
            for (int i = 0; i < 8; i++) {
                // straight to content-service through the gateway, and through schedule-service, which asks it
                answers.add(answer(() -> as(partner).when().get("/api/v1/content/" + item).then().extract()));
                answers.add(answer(() -> as(operator).contentType(ContentType.JSON)
                        .body(Map.of("contentId", item, "start", "2026-12-21T00:00:00Z"))
                        .when().post("/api/v1/channels/" + channel + "/slots").then().extract()));
            }
            // other routes stay up meanwhile
            as(operator).when().get("/api/v1/channels/" + channel).then().statusCode(200);
        } finally {
            Platform.suite().thaw("content-service");
        }
        report("16 calls needing a frozen content-service", answers);
        assertThat(statuses(answers), everyItem(is(in(List.of(503, 504)))));
        assertThat(answers.stream().filter(answer -> !answer.retryAfter() || !answer.contentType().startsWith("application/problem+json"))
                .toList(), empty());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                as(partner).when().get("/api/v1/content/" + item).then().extract().statusCode() == 200);
    }

    @Test
    void aStoppedPartnerServiceIsA503WithRetryAfterForEveryoneWhoNeedsItAndRecoversWhenItIsBack() {
        String partner = Platform.approvedPartnerToken("orphaned", "SG");
        String admin = Platform.token("suite-admin");
        String operator = Platform.token("suite-operator");
        List<Answer> answers = new ArrayList<>();
        Platform.suite().stop("partner-service");
        try {
            for (int i = 0; i < 4; i++) {
                // straight to partner-service through the gateway, and content-service asking it for the partner's standing
                answers.add(answer(() -> as(admin).when().get("/api/v1/partners?limit=1").then().extract()));
                answers.add(answer(() -> as(partner).when().get("/api/v1/content").then().extract()));
            }
            // what does not need partner-service keeps working
            as(operator).when().get("/api/v1/channels?limit=1").then().statusCode(200);
        } finally {
            Platform.suite().start("partner-service");
        }
        report("8 calls needing a stopped partner-service", answers);
        assertThat(statuses(answers), everyItem(is(503)));
        assertThat(answers.stream().filter(answer -> !answer.retryAfter() || !answer.contentType().startsWith("application/problem+json"))
                .toList(), empty());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                as(partner).when().get("/api/v1/content").then().extract().statusCode() == 200);
    }

    @Test
    void aStoppedContentServiceLeavesTheGatewayReadyAndCostsOnlyItsOwnRoutes() {
        String admin = Platform.token("suite-admin");
        String operator = Platform.token("suite-operator");
        String gatewayHealth = Platform.suite().managementUrl("gateway") + "/q/health";
        Platform.suite().stop("content-service");
        try {
            // the gateway pod can still serve: it stays in its Service, and says which upstream is down
            given().when().get(gatewayHealth + "/ready").then().statusCode(200);
            given().when().get(gatewayHealth + "/group/upstreams").then().statusCode(503)
                    .body("checks.find { it.name == 'upstreams' }.data.'content-service'", equalTo("DOWN"))
                    .body("checks.find { it.name == 'upstreams' }.data.'partner-service'", equalTo("UP"))
                    .body("checks.find { it.name == 'upstreams' }.data.'schedule-service'", equalTo("UP"));
            as(admin).when().get("/api/v1/content?limit=1").then().statusCode(503);
            as(admin).when().get("/api/v1/partners?limit=1").then().statusCode(200);
            as(operator).when().get("/api/v1/channels?limit=1").then().statusCode(200);
        } finally {
            Platform.suite().start("content-service");
        }
        given().when().get(gatewayHealth + "/group/upstreams").then().statusCode(200);
    }

    @Test
    void anUnreachableIdentityProviderIsA503NeverA500() throws Exception {
        String admin = Platform.token("suite-admin");
        String slug = "idp-down-" + UUID.randomUUID().toString().substring(0, 8);
        List<Answer> answers = new ArrayList<>();
        Platform.suite().freezeKeycloak();
        try {
            // an application needs its slug checked at the identity provider
            answers.add(answer(() -> given().baseUri(Platform.suite().gatewayUrl()).contentType(ContentType.JSON)
                    .body(Map.of("legalName", "Down Ltd", "displayName", "Down", "slug", slug, "category", "NEWS",
                            "territories", List.of("SG"), "languages", List.of("en"), "contactEmail", "desk@down.example",
                            "website", "https://down.example", "agreementVersion", "2026-09"))
                    .when().post("/api/v1/applications").then().extract()));
            // tokens already issued still work: their keys are known
            answers.add(answer(() -> as(admin).when().get("/api/v1/partners?limit=1").then().extract()));
        } finally {
            Platform.suite().thawKeycloak();
        }
        report("calls while Keycloak is frozen", answers);
        assertThat(answers.get(0).status(), equalTo(503));
        assertThat(answers.get(0).contentType(), equalTo("application/problem+json"));
        assertThat(answers.get(1).status(), equalTo(200));
    }
}

package io.syndication.schedule;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Race;
import io.syndication.testing.Tokens;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeContentServiceResource.class)
class SlotResourceTest {

    private String channel;

    @BeforeEach
    void aChannel() {
        channel = ScheduleApi.channel("Asia/Singapore", List.of("SG", "HK", "IN"), List.of());
    }

    private ExtractableResponse<Response> place(String contentId, String start, String end) {
        return ScheduleApi.place(channel, contentId, start, end);
    }

    @Test
    void aProgrammeEndsWhenItsDurationDoesAndSlotsAreHalfOpen() {
        ExtractableResponse<Response> first = place(FakeContentServiceResource.PROGRAMME, "2026-12-14T00:00:00Z", null);
        assertThat(first.statusCode(), equalTo(201));
        assertThat(first.path("end"), equalTo("2026-12-14T00:30:00Z"));
        assertThat(first.path("kind"), equalTo("PROGRAMME"));
        assertThat(first.path("title"), equalTo("Morning Markets"));
        assertThat(first.path("partnerId"), equalTo(FakeContentServiceResource.PARTNER));
        // the next one may start exactly where the first ends
        assertThat(place(FakeContentServiceResource.PROGRAMME, "2026-12-14T00:30:00Z", null).statusCode(), equalTo(201));

        given().auth().oauth2(Tokens.operator())
                .queryParam("from", "2026-12-14T00:00:00Z").queryParam("to", "2026-12-14T02:00:00Z")
                .when().get("/api/v1/channels/" + channel + "/slots")
                .then().statusCode(200)
                .body("start", contains("2026-12-14T00:00:00Z", "2026-12-14T00:30:00Z"));
    }

    @Test
    void eachSlotNamesThePartnerWhoseContentItAirs() {
        UUID other = UUID.randomUUID();
        EventFeed.Item theirs = EventFeed.programme(other, "Harbour Stories", 30);
        FakeContentServiceResource.serve(theirs.json, 1);
        place(FakeContentServiceResource.PROGRAMME, "2026-12-14T06:00:00Z", null);
        assertThat(place(theirs.id(), "2026-12-14T06:30:00Z", null).path("partnerId"), equalTo(other.toString()));

        given().auth().oauth2(Tokens.operator())
                .queryParam("from", "2026-12-14T06:00:00Z").queryParam("to", "2026-12-14T07:00:00Z")
                .when().get("/api/v1/channels/" + channel + "/slots")
                .then().statusCode(200)
                .body("title", contains("Morning Markets", "Harbour Stories"))
                .body("partnerId", contains(FakeContentServiceResource.PARTNER, other.toString()));
    }

    @Test
    void anOverlapIsA409NamingTheSlotInTheWay() {
        String first = place(FakeContentServiceResource.PROGRAMME, "2026-12-15T10:00:00Z", null).path("id");
        ExtractableResponse<Response> clash = place(FakeContentServiceResource.PROGRAMME, "2026-12-15T10:15:00Z", null);
        assertThat(clash.statusCode(), equalTo(409));
        assertThat(clash.<String>path("detail"), containsString(first));
    }

    @Test
    void ofManyRacingOverlappingPlacementsExactlyOneWins() throws Exception {
        List<Integer> codes = Race.of(8, racer ->
                place(FakeContentServiceResource.PROGRAMME, "2026-12-16T12:0" + racer + ":00Z", null).statusCode());
        assertThat(codes.stream().filter(code -> code == 201).count(), equalTo(1L));
        assertThat(codes.stream().filter(code -> code == 409).count(), equalTo(7L));
    }

    @Test
    void aLiveEventNeedsItsEnd() {
        assertThat(place(FakeContentServiceResource.LIVE, "2026-12-17T09:30:00Z", null).statusCode(), equalTo(400));
        ExtractableResponse<Response> live = place(FakeContentServiceResource.LIVE, "2026-12-17T09:30:00Z", "2026-12-17T17:30:00Z");
        assertThat(live.statusCode(), equalTo(201));
        assertThat(live.path("kind"), equalTo("LIVE"));
        assertThat(place(FakeContentServiceResource.PROGRAMME, "2026-12-18T00:00:00Z", "2026-12-18T01:00:00Z").statusCode(),
                equalTo(400));
    }

    @Test
    void eachBrokenPlacementRuleIsNamed() {
        place(FakeContentServiceResource.NOT_APPROVED, "2026-12-19T00:00:00Z", null);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"contentId\": \"%s\", \"start\": \"2026-12-19T00:00:00Z\"}".formatted(FakeContentServiceResource.NOT_APPROVED))
                .when().post("/api/v1/channels/" + channel + "/slots")
                .then().spec(problem(422))
                .body("violations.field", contains("CONTENT_NOT_APPROVED"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"contentId\": \"%s\", \"start\": \"2026-07-01T00:00:00Z\"}".formatted(FakeContentServiceResource.RESTRICTED))
                .when().post("/api/v1/channels/" + channel + "/slots")
                .then().statusCode(422)
                .body("violations.field", containsInAnyOrder("RIGHTS_WINDOW", "TERRITORY_MISMATCH", "PARTNER_INACTIVE"));
    }

    @Test
    void whenContentServiceFailsTheAnswerIs503WithRetryAfter() {
        int asked = FakeContentServiceResource.asked(FakeContentServiceResource.FAILING);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"contentId\": \"%s\", \"start\": \"2026-12-20T00:00:00Z\"}".formatted(FakeContentServiceResource.FAILING))
                .when().post("/api/v1/channels/" + channel + "/slots")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .contentType("application/problem+json");
        // the content-service guard's configured policy: the first call and two retries
        assertThat(FakeContentServiceResource.asked(FakeContentServiceResource.FAILING) - asked, equalTo(3));
    }

    @Test
    void wordsContentServiceAddsLaterDoNotBreakPlacing() {
        ExtractableResponse<Response> placed = place(FakeContentServiceResource.NEW_WORDS, "2026-12-20T06:00:00Z", null);
        assertThat(placed.statusCode(), equalTo(201));
        assertThat(placed.path("kind"), equalTo("PROGRAMME"));
        assertThat(placed.path("end"), equalTo("2026-12-20T06:15:00Z"));
    }

    @Test
    void gapsAndCoverageOfAWindow() {
        place(FakeContentServiceResource.PROGRAMME, "2026-12-21T01:00:00Z", null);
        place(FakeContentServiceResource.PROGRAMME, "2026-12-21T02:00:00Z", null);
        given().auth().oauth2(Tokens.operator())
                .queryParam("from", "2026-12-21T01:00:00Z").queryParam("to", "2026-12-21T03:00:00Z")
                .when().get("/api/v1/channels/" + channel + "/gaps")
                .then().statusCode(200)
                .body("gaps.start", contains("2026-12-21T01:30:00Z", "2026-12-21T02:30:00Z"))
                .body("gaps.end", contains("2026-12-21T02:00:00Z", "2026-12-21T03:00:00Z"))
                .body("coverage", equalTo(0.5f));
        given().auth().oauth2(Tokens.operator())
                .queryParam("from", "2026-12-21T03:00:00Z").queryParam("to", "2026-12-21T01:00:00Z")
                .when().get("/api/v1/channels/" + channel + "/gaps")
                .then().statusCode(400);
    }

    @Test
    void aSlotMovesKeepingItsLengthOnlyIntoFreeLicensedTime() {
        String first = place(FakeContentServiceResource.PROGRAMME, "2026-12-22T00:00:00Z", null).path("id");
        String second = place(FakeContentServiceResource.PROGRAMME, "2026-12-22T01:00:00Z", null).path("id");
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"start\": \"2026-12-22T00:10:00Z\"}")
                .when().patch("/api/v1/channels/" + channel + "/slots/" + first)
                .then().statusCode(200)
                .body("end", equalTo("2026-12-22T00:40:00Z"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"start\": \"2026-12-22T00:45:00Z\"}")
                .when().patch("/api/v1/channels/" + channel + "/slots/" + first)
                .then().statusCode(409)
                .body("detail", containsString(second));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"start\": \"2027-02-01T00:00:00Z\"}")
                .when().patch("/api/v1/channels/" + channel + "/slots/" + first)
                .then().statusCode(422)
                .body("violations.field", contains("RIGHTS_WINDOW"));
    }

    @Test
    void aRemovedSlotLeavesAGap() {
        String slot = place(FakeContentServiceResource.PROGRAMME, "2026-12-23T00:00:00Z", null).path("id");
        given().auth().oauth2(Tokens.operator()).when().delete("/api/v1/channels/" + channel + "/slots/" + slot)
                .then().statusCode(204);
        given().auth().oauth2(Tokens.operator()).when().delete("/api/v1/channels/" + channel + "/slots/" + slot)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.operator())
                .queryParam("from", "2026-12-23T00:00:00Z").queryParam("to", "2026-12-23T01:00:00Z")
                .when().get("/api/v1/channels/" + channel + "/gaps")
                .then().body("coverage", equalTo(0.0f));
    }

    @Test
    void nowAndNext() {
        java.time.Instant now = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        String onAir = place(FakeContentServiceResource.PROGRAMME, now.minusSeconds(600).toString(), null).path("id");
        String next = place(FakeContentServiceResource.PROGRAMME, now.plusSeconds(1200).toString(), null).path("id");
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/channels/" + channel + "/now")
                .then().statusCode(200)
                .body("now.id", equalTo(onAir))
                .body("next.id", contains(next));
    }
}

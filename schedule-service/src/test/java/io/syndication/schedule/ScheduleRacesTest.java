package io.syndication.schedule;

import static io.restassured.RestAssured.given;
import static io.syndication.schedule.ScheduleApi.channel;
import static io.syndication.schedule.ScheduleApi.fill;
import static io.syndication.schedule.ScheduleApi.place;
import static io.syndication.schedule.ScheduleApi.slots;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

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

/**
 * Many operators editing one channel at once, more of them than the service has database
 * connections: every edit path answers each of them (a success or a problem 409, never a 5xx), and
 * the schedule left behind is whole.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeContentServiceResource.class)
class ScheduleRacesTest {

    /** More than the pool's 20 connections. */
    private static final int RACERS = 50;

    private static final String PROGRAMME = FakeContentServiceResource.PROGRAMME;
    private static final String LIVE = FakeContentServiceResource.LIVE;

    /** An answer's status and media type. */
    private record Answer(int status, String contentType) {

        static Answer of(ExtractableResponse<Response> response) {
            return new Answer(response.statusCode(), String.valueOf(response.contentType()));
        }
    }

    /** Fires {@code count} calls at once and collects their answers. */
    private static List<Answer> race(int count, IntFunction<ExtractableResponse<Response>> call) {
        return Race.of(count, racer -> Answer.of(call.apply(racer)));
    }

    private static long count(List<Answer> answers, int status) {
        return answers.stream().filter(answer -> answer.status() == status).count();
    }

    /** Every answer is a success or a 409 problem. */
    private static void successOrConflict(List<Answer> answers, int success) {
        assertThat(answers.stream().map(Answer::status).toList(), everyItem(is(in(List.of(success, 409)))));
        assertThat(answers.stream().filter(answer -> answer.status() == 409).map(Answer::contentType).toList(),
                everyItem(is("application/problem+json")));
    }

    @Test
    void ofFiftyRacingOverlappingPlacementsExactlyOneWinsAndEachLoserIsAProblem409() throws Exception {
        String channel = channel();
        List<Answer> answers = race(RACERS, racer -> place(channel, PROGRAMME,
                Instant.parse("2026-12-20T12:00:00Z").plusSeconds(racer).toString(), null));
        successOrConflict(answers, 201);
        assertThat(count(answers, 201), equalTo(1L));
        assertThat(slots(channel, "2026-12-20T00:00:00Z", "2026-12-21T00:00:00Z").getList("id"), hasSize(1));
    }

    @Test
    void racingMovesOfOneSlotLeaveItInOnePlace() throws Exception {
        String channel = channel();
        String slot = place(channel, PROGRAMME, "2026-12-21T00:00:00Z", null).path("id");
        List<Answer> answers = race(RACERS, racer -> given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("start", Instant.parse("2026-12-21T01:00:00Z").plusSeconds(60L * racer).toString()))
                .when().patch("/api/v1/channels/" + channel + "/slots/" + slot).then().extract());
        successOrConflict(answers, 200);
        assertThat(count(answers, 200), greaterThanOrEqualTo(1L));
        assertThat(slots(channel, "2026-12-21T00:00:00Z", "2026-12-22T00:00:00Z").getList("id"), equalTo(List.of(slot)));
    }

    @Test
    void racingWindowReplacementsLeaveOneOfTheWindowsWhole() throws Exception {
        String channel = channel();
        List<Answer> answers = race(RACERS, racer -> {
            // each racer's window: back-to-back programmes from its own offset
            StringBuilder window = new StringBuilder("[");
            for (int i = 0; i < 4; i++) {
                window.append(i == 0 ? "" : ",").append("{\"contentId\": \"").append(PROGRAMME).append("\", \"start\": \"")
                        .append(Instant.parse("2026-12-22T00:00:00Z").plusSeconds(racer + 1800L * i)).append("\"}");
            }
            return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(window.append("]").toString())
                    .queryParam("from", "2026-12-22T00:00:00Z").queryParam("to", "2026-12-22T03:00:00Z")
                    .when().put("/api/v1/channels/" + channel + "/slots").then().extract();
        });
        successOrConflict(answers, 200);
        List<String> starts = slots(channel, "2026-12-22T00:00:00Z", "2026-12-22T03:00:00Z").getList("start");
        assertThat(starts, hasSize(4));
        long offset = Instant.parse(starts.get(0)).getEpochSecond() - Instant.parse("2026-12-22T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 4; i++) {
            assertThat(starts.get(i), equalTo(Instant.parse("2026-12-22T00:00:00Z").plusSeconds(offset + 1800L * i).toString()));
        }
    }

    @Test
    void racingFillsCoverTheWindowOnce() throws Exception {
        String channel = channel();
        List<Answer> answers = race(RACERS, racer -> fill(channel, "2026-12-23T00:00:00Z", "2026-12-23T06:00:00Z"));
        successOrConflict(answers, 200);
        given().auth().oauth2(Tokens.operator())
                .queryParam("from", "2026-12-23T00:00:00Z").queryParam("to", "2026-12-23T06:00:00Z")
                .when().get("/api/v1/channels/" + channel + "/gaps")
                .then().statusCode(200).body("coverage", equalTo(1.0f)).body("gaps", empty());
        // 36 ten-minute clips, none twice
        assertThat(slots(channel, "2026-12-23T00:00:00Z", "2026-12-23T06:00:00Z").getList("id"), hasSize(36));
    }

    @Test
    void ofRacingLiveInsertionsAtOneTimeExactlyOneGoesOnAir() throws Exception {
        String channel = channel();
        for (int i = 0; i < 6; i++) {
            place(channel, PROGRAMME, Instant.parse("2026-12-24T18:00:00Z").plusSeconds(1800L * i).toString(), null);
        }
        List<Answer> answers = race(RACERS, racer -> given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("contentId", LIVE, "start", "2026-12-24T19:00:00Z", "end", "2026-12-24T20:00:00Z",
                        "policy", racer % 2 == 0 ? "PUSH" : "TRIM"))
                .when().post("/api/v1/channels/" + channel + "/live").then().extract());
        successOrConflict(answers, 201);
        assertThat(count(answers, 201), equalTo(1L));
        List<String> kinds = slots(channel, "2026-12-24T19:00:00Z", "2026-12-24T20:00:00Z").getList("kind");
        assertThat(kinds, equalTo(List.of("LIVE")));
    }
}

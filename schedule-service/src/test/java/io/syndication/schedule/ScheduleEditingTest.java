package io.syndication.schedule;

import static io.restassured.RestAssured.given;
import static io.syndication.schedule.ScheduleApi.channel;
import static io.syndication.schedule.ScheduleApi.channelWithProgrammeAt;
import static io.syndication.schedule.ScheduleApi.fill;
import static io.syndication.schedule.ScheduleApi.live;
import static io.syndication.schedule.ScheduleApi.placed;
import static io.syndication.schedule.ScheduleApi.replace;
import static io.syndication.schedule.ScheduleApi.slots;
import static io.syndication.schedule.ScheduleApi.validation;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Tokens;

/** Whole windows, filling, live events and validation, against a real PostgreSQL. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeContentServiceResource.class)
class ScheduleEditingTest {

    private static final String PROGRAMME = FakeContentServiceResource.PROGRAMME;
    private static final String LIVE = FakeContentServiceResource.LIVE;

    @Test
    void aWindowIsReplacedWhole() {
        String channel = channelWithProgrammeAt("2026-12-10T08:00:00Z");
        ExtractableResponse<Response> replaced = replace(channel, "2026-12-10T06:00:00Z", "2026-12-10T10:00:00Z", """
                [{"contentId": "%1$s", "start": "2026-12-10T07:00:00Z"},
                 {"contentId": "%2$s", "start": "2026-12-10T07:30:00Z", "end": "2026-12-10T09:00:00Z"},
                 {"contentId": "%1$s", "start": "2026-12-10T06:00:00Z"}]""".formatted(PROGRAMME, LIVE));
        assertThat(replaced.statusCode(), equalTo(200));
        assertThat(replaced.path("start"), contains("2026-12-10T06:00:00Z", "2026-12-10T07:00:00Z", "2026-12-10T07:30:00Z"));
        assertThat(slots(channel, "2026-12-10T00:00:00Z", "2026-12-11T00:00:00Z").getList("kind"),
                contains("PROGRAMME", "PROGRAMME", "LIVE"));
    }

    @Test
    void aWindowWithOneBadSlotChangesNothing() {
        String channel = channelWithProgrammeAt("2026-12-11T08:00:00Z");
        ExtractableResponse<Response> unplaceable = replace(channel, "2026-12-11T06:00:00Z", "2026-12-11T10:00:00Z", """
                [{"contentId": "%s", "start": "2026-12-11T06:00:00Z"},
                 {"contentId": "%s", "start": "2026-12-11T07:00:00Z"}]""".formatted(PROGRAMME, FakeContentServiceResource.NOT_APPROVED));
        assertThat(unplaceable.statusCode(), equalTo(422));
        assertThat(unplaceable.contentType(), containsString("application/problem+json"));
        assertThat(unplaceable.path("violations.field"), contains("[1]"));
        assertThat(unplaceable.<String>path("violations[0].message"), containsString("CONTENT_NOT_APPROVED"));

        ExtractableResponse<Response> overlapping = replace(channel, "2026-12-11T06:00:00Z", "2026-12-11T10:00:00Z", """
                [{"contentId": "%1$s", "start": "2026-12-11T06:00:00Z"},
                 {"contentId": "%1$s", "start": "2026-12-11T06:15:00Z"},
                 {"contentId": "%1$s", "start": "2026-12-11T09:45:00Z"}]""".formatted(PROGRAMME));
        assertThat(overlapping.statusCode(), equalTo(400));
        assertThat(overlapping.path("violations.field"), contains("[2]", "[1]"));

        // the slot placed before is all there is, as it was
        assertThat(slots(channel, "2026-12-11T00:00:00Z", "2026-12-12T00:00:00Z").getList("start"),
                contains("2026-12-11T08:00:00Z"));
    }

    @Test
    void aWindowWhoseEdgeCutsASlotIsAConflict() {
        String channel = channelWithProgrammeAt("2026-12-12T05:45:00Z");
        ExtractableResponse<Response> cut = replace(channel, "2026-12-12T06:00:00Z", "2026-12-12T10:00:00Z", "[]");
        assertThat(cut.statusCode(), equalTo(409));
        assertThat(cut.<String>path("detail"), containsString("2026-12-12T05:45:00Z"));
    }

    @Test
    void fillingReachesFullCoverageCuttingTheLastClip() {
        String channel = channelWithProgrammeAt("2026-12-13T00:00:00Z");
        ExtractableResponse<Response> fill = fill(channel, "2026-12-13T00:00:00Z", "2026-12-13T01:05:00Z");
        assertThat(fill.statusCode(), equalTo(200));
        JsonPath filled = fill.jsonPath();
        assertThat(filled.getList("slots.start"), contains("2026-12-13T00:30:00Z", "2026-12-13T00:40:00Z",
                "2026-12-13T00:50:00Z", "2026-12-13T01:00:00Z"));
        assertThat(filled.getList("slots.kind"), contains("FILLER", "FILLER", "FILLER", "FILLER"));
        assertThat(filled.getList("slots.cut"), contains(false, false, false, true));
        assertThat(filled.getList("slots.end").get(3), equalTo("2026-12-13T01:05:00Z"));
        assertThat(filled.getDouble("coverage"), equalTo(1.0));
        assertThat(filled.getList("gaps"), empty());

        given().auth().oauth2(Tokens.operator())
                .queryParam("from", "2026-12-13T00:00:00Z").queryParam("to", "2026-12-13T01:05:00Z")
                .when().get("/api/v1/channels/" + channel + "/gaps")
                .then().statusCode(200).body("coverage", equalTo(1.0f)).body("gaps", empty());
    }

    @Test
    void aChannelWithoutFillerCannotFill() {
        String channel = channel("Asia/Singapore", List.of("SG"), List.of());
        fill(channel, "2026-12-13T00:00:00Z", "2026-12-13T01:00:00Z")
                .response().then().spec(problem(422)).body("detail", containsString("filler"));
    }

    @Test
    void pushResumesTheSlotInProgressAfterTheEventAndMovesLaterOnesUntilAGapAbsorbsThem() {
        String channel = channelWithProgrammeAt("2026-12-14T10:00:00Z");
        placed(channel, PROGRAMME, "2026-12-14T10:30:00Z", null);
        placed(channel, PROGRAMME, "2026-12-14T11:00:00Z", null);
        placed(channel, PROGRAMME, "2026-12-14T12:10:00Z", null);

        ExtractableResponse<Response> pushed = live(channel, LIVE, "2026-12-14T10:15:00Z", "2026-12-14T10:45:00Z", "PUSH");
        assertThat(pushed.statusCode(), equalTo(201));
        assertThat(pushed.path("changes.change"), contains("TRIMMED", "ADDED", "MOVED", "MOVED"));
        assertThat(pushed.path("changes.slot.start"), contains("2026-12-14T10:00:00Z", "2026-12-14T10:45:00Z",
                "2026-12-14T11:00:00Z", "2026-12-14T11:30:00Z"));
        assertThat(pushed.path("changes.slot.end"), contains("2026-12-14T10:15:00Z", "2026-12-14T11:00:00Z",
                "2026-12-14T11:30:00Z", "2026-12-14T12:00:00Z"));

        // the gap before 12:10 absorbed the push; the slot after it did not move
        JsonPath after = slots(channel, "2026-12-14T00:00:00Z", "2026-12-15T00:00:00Z");
        assertThat(after.getList("start"), contains("2026-12-14T10:00:00Z", "2026-12-14T10:15:00Z", "2026-12-14T10:45:00Z",
                "2026-12-14T11:00:00Z", "2026-12-14T11:30:00Z", "2026-12-14T12:10:00Z"));
        assertThat(after.getList("kind"), contains("PROGRAMME", "LIVE", "PROGRAMME", "PROGRAMME", "PROGRAMME", "PROGRAMME"));
        assertThat(after.getList("cut"), contains(true, false, true, false, false, false));
    }

    @Test
    void pushNeverCarriesASlotPastItsRights() {
        String channel = channel();
        // the fake licenses its programmes until 2027-01-01T00:00Z
        placed(channel, PROGRAMME, "2026-12-31T23:30:00Z", null);
        ExtractableResponse<Response> refused = live(channel, LIVE, "2026-12-31T23:20:00Z", "2026-12-31T23:40:00Z", "PUSH");
        assertThat(refused.statusCode(), equalTo(422));
        assertThat(refused.<String>path("detail"), containsString("past their content's rights"));
        assertThat(refused.<String>path("violations[0].message"), containsString("RIGHTS_WINDOW"));
        // nothing changed; TRIM fits the event in instead
        assertThat(slots(channel, "2026-12-31T00:00:00Z", "2027-01-01T00:00:00Z").getList("kind"), contains("PROGRAMME"));
        assertThat(live(channel, LIVE, "2026-12-31T23:20:00Z", "2026-12-31T23:40:00Z", "TRIM").statusCode(), equalTo(201));
    }

    @Test
    void pushStopsAtTheNextLiveEvent() {
        String channel = channelWithProgrammeAt("2026-12-15T10:00:00Z");
        placed(channel, PROGRAMME, "2026-12-15T10:30:00Z", null);
        String fixed = placed(channel, LIVE, "2026-12-15T11:00:00Z", "2026-12-15T12:00:00Z");

        ExtractableResponse<Response> pushed = live(channel, LIVE, "2026-12-15T10:00:00Z", "2026-12-15T10:40:00Z", "PUSH");
        assertThat(pushed.statusCode(), equalTo(201));
        assertThat(pushed.path("changes.change"), contains("MOVED", "REMOVED"));
        assertThat(pushed.path("changes[0].slot.end"), equalTo("2026-12-15T11:00:00Z"));
        assertThat(pushed.path("changes[0].slot.cut"), equalTo(true));

        JsonPath after = slots(channel, "2026-12-15T00:00:00Z", "2026-12-16T00:00:00Z");
        assertThat(after.getList("start"), contains("2026-12-15T10:00:00Z", "2026-12-15T10:40:00Z", "2026-12-15T11:00:00Z"));
        assertThat(after.getList("id").get(2), equalTo(fixed));
    }

    @Test
    void trimCutsAroundTheEventAndOneSpanningItResumesAfter() {
        String channel = channelWithProgrammeAt("2026-12-16T10:00:00Z");
        placed(channel, PROGRAMME, "2026-12-16T10:30:00Z", null);
        placed(channel, PROGRAMME, "2026-12-16T11:00:00Z", null);
        ExtractableResponse<Response> trimmed = live(channel, LIVE, "2026-12-16T10:15:00Z", "2026-12-16T11:15:00Z", "TRIM");
        assertThat(trimmed.statusCode(), equalTo(201));
        assertThat(trimmed.path("changes.change"), contains("TRIMMED", "REMOVED", "TRIMMED"));
        assertThat(slots(channel, "2026-12-16T00:00:00Z", "2026-12-17T00:00:00Z").getList("start"),
                contains("2026-12-16T10:00:00Z", "2026-12-16T10:15:00Z", "2026-12-16T11:15:00Z"));

        placed(channel, PROGRAMME, "2026-12-16T14:00:00Z", null);
        ExtractableResponse<Response> inside = live(channel, LIVE, "2026-12-16T14:10:00Z", "2026-12-16T14:20:00Z", "TRIM");
        assertThat(inside.path("changes.change"), contains("TRIMMED", "ADDED"));
        JsonPath after = slots(channel, "2026-12-16T14:00:00Z", "2026-12-16T15:00:00Z");
        assertThat(after.getList("start"), contains("2026-12-16T14:00:00Z", "2026-12-16T14:10:00Z", "2026-12-16T14:20:00Z"));
        assertThat(after.getList("end"), contains("2026-12-16T14:10:00Z", "2026-12-16T14:20:00Z", "2026-12-16T14:30:00Z"));
        assertThat(after.getList("cut"), contains(true, false, true));
    }

    @Test
    void dropRemovesWhatTheEventOverlaps() {
        String channel = channelWithProgrammeAt("2026-12-17T10:00:00Z");
        placed(channel, PROGRAMME, "2026-12-17T10:30:00Z", null);
        ExtractableResponse<Response> dropped = live(channel, LIVE, "2026-12-17T10:20:00Z", "2026-12-17T10:40:00Z", "DROP");
        assertThat(dropped.statusCode(), equalTo(201));
        assertThat(dropped.path("changes.change"), contains("REMOVED", "REMOVED"));
        assertThat(slots(channel, "2026-12-17T00:00:00Z", "2026-12-18T00:00:00Z").getList("kind"), contains("LIVE"));
    }

    @Test
    void aLiveEventIsNeverMovedOrCutByAnother() {
        String channel = channel();
        String first = placed(channel, LIVE, "2026-12-18T10:00:00Z", "2026-12-18T12:00:00Z");
        for (String policy : List.of("PUSH", "TRIM", "DROP")) {
            ExtractableResponse<Response> clash = live(channel, LIVE, "2026-12-18T11:00:00Z", "2026-12-18T13:00:00Z", policy);
            assertThat(policy, clash.statusCode(), equalTo(409));
            assertThat(clash.<String>path("detail"), containsString(first));
        }
        ExtractableResponse<Response> notLive = live(channel, PROGRAMME, "2026-12-18T14:00:00Z", "2026-12-18T15:00:00Z", "DROP");
        assertThat(notLive.statusCode(), equalTo(422));
        ExtractableResponse<Response> noPolicy = live(channel, LIVE, "2026-12-18T14:00:00Z", "2026-12-18T15:00:00Z", "SQUEEZE");
        assertThat(noPolicy.statusCode(), equalTo(400));
    }

    @Test
    void aLiveEventRunningLongIsExtendedUnderAPolicy() {
        String channel = channel();
        String match = placed(channel, LIVE, "2026-12-19T16:00:00Z", "2026-12-19T17:00:00Z");
        placed(channel, PROGRAMME, "2026-12-19T17:00:00Z", null);
        placed(channel, PROGRAMME, "2026-12-19T17:30:00Z", null);
        JsonPath extended = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("end", "2026-12-19T17:45:00Z", "policy", "PUSH"))
                .when().patch("/api/v1/channels/" + channel + "/live/" + match).then().statusCode(200).extract().jsonPath();
        assertThat(extended.getString("live.end"), equalTo("2026-12-19T17:45:00Z"));
        assertThat(extended.getList("changes.change"), contains("MOVED", "MOVED"));
        assertThat(slots(channel, "2026-12-19T00:00:00Z", "2026-12-20T00:00:00Z").getList("start"),
                contains("2026-12-19T16:00:00Z", "2026-12-19T17:45:00Z", "2026-12-19T18:15:00Z"));

        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("end", "2026-12-19T18:00:00Z", "policy", "TRIM"))
                .when().patch("/api/v1/channels/" + channel + "/live/" + match)
                .then().statusCode(200).body("changes.change", contains("TRIMMED"));
        // an end before the current one is not an extension
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("end", "2026-12-19T17:00:00Z", "policy", "TRIM"))
                .when().patch("/api/v1/channels/" + channel + "/live/" + match).then().statusCode(400);
    }

    @Test
    void validationFindsTerritoriesNoLongerLicensed() {
        String channel = channel();
        placed(channel, PROGRAMME, "2026-12-21T10:30:00Z", null);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("territories", List.of("SG", "JP")))
                .when().patch("/api/v1/channels/" + channel).then().statusCode(200);
        JsonPath widened = validation(channel, "2026-12-21T10:30:00Z", "2026-12-21T11:00:00Z");
        assertThat(widened.getList("findings.reason"), contains("TERRITORY_MISMATCH"));
        assertThat(widened.getString("findings[0].detail"), containsString("JP"));
    }

    @Test
    void instantsNoScheduleCanHoldAreRefusedWithProblems() {
        String channel = channel();
        given().auth().oauth2(Tokens.operator()).queryParam("from", "+300000-01-01T00:00:00Z")
                .queryParam("to", "+300000-01-02T00:00:00Z")
                .when().get("/api/v1/channels/" + channel + "/gaps")
                .then().spec(problem(400));
        given().auth().oauth2(Tokens.operator()).queryParam("from", "yesterday").queryParam("to", "2026-12-02T00:00:00Z")
                .when().get("/api/v1/channels/" + channel + "/slots")
                .then().spec(problem(400));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("contentId", PROGRAMME, "start", "+1000000000-12-31T23:59:59Z"))
                .when().post("/api/v1/channels/" + channel + "/slots")
                .then().spec(problem(400));
        given().auth().oauth2(Tokens.operator()).queryParam("date", "+999999999-12-31")
                .when().get("/api/v1/channels/" + channel + "/guide")
                .then().spec(problem(400));
    }
}

package io.syndication.schedule;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.syndication.testing.Tokens;

/** The schedule API calls the tests repeat, made as a channel operator. */
final class ScheduleApi {

    private ScheduleApi() {
    }

    /** A new channel with a unique slug; its id. */
    static String channel(String timeZone, List<String> territories, List<String> fillers) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("slug", "ch-" + UUID.randomUUID().toString().substring(0, 8) + ".apac.example",
                        "name", "Test channel", "timeZone", timeZone, "territories", territories, "fillerContentIds", fillers))
                .when().post("/api/v1/channels").then().statusCode(201).extract().path("id");
    }

    /** A new Singapore channel for {@code territories} healing by {@code healing} (FILL or FLAG); its id. */
    static String channel(List<String> territories, List<String> fillers, String healing) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("slug", "ch-" + UUID.randomUUID().toString().substring(0, 8) + ".apac.example",
                        "name", "Test channel", "timeZone", "Asia/Singapore", "territories", territories,
                        "fillerContentIds", fillers, "healing", healing))
                .when().post("/api/v1/channels").then().statusCode(201).extract().path("id");
    }

    /** The channel's heals, newest first: one page of {@code limit} after the cursor {@code next} (null: the first). */
    static ExtractableResponse<Response> heals(String channel, int limit, String next) {
        var request = given().auth().oauth2(Tokens.operator()).queryParam("limit", limit);
        if (next != null) {
            request = request.queryParam("next", next);
        }
        return request.when().get("/api/v1/channels/" + channel + "/heals").then().extract();
    }

    /** A Singapore channel for SG, HK and IN, with the fake content-service's clip as filler. */
    static String channel() {
        return channel("Asia/Singapore", List.of("SG", "HK", "IN"), List.of(FakeContentServiceResource.CLIP));
    }

    /** Places the content from {@code start} ({@code end} only for a live event, else null), whatever the answer. */
    static ExtractableResponse<Response> place(String channel, String contentId, String start, String end) {
        Map<String, String> body = new HashMap<>(Map.of("contentId", contentId, "start", start));
        if (end != null) {
            body.put("end", end);
        }
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/channels/" + channel + "/slots").then().extract();
    }

    /** A new {@link #channel()} with the fake content-service's programme placed from {@code start}; its id. */
    static String channelWithProgrammeAt(String start) {
        String channel = channel();
        placed(channel, FakeContentServiceResource.PROGRAMME, start, null);
        return channel;
    }

    /** Places the content, which must succeed; the slot's id. */
    static String placed(String channel, String contentId, String start, String end) {
        ExtractableResponse<Response> placed = place(channel, contentId, start, end);
        if (placed.statusCode() != 201) {
            throw new AssertionError("Placing " + contentId + " at " + start + " answered " + placed.statusCode() + ": "
                    + placed.body().asString());
        }
        return placed.path("id");
    }

    static JsonPath slots(String channel, String from, String to) {
        return given().auth().oauth2(Tokens.operator()).queryParam("from", from).queryParam("to", to)
                .when().get("/api/v1/channels/" + channel + "/slots").then().statusCode(200).extract().jsonPath();
    }

    static ExtractableResponse<Response> replace(String channel, String from, String to, String body) {
        return given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body)
                .queryParam("from", from).queryParam("to", to)
                .when().put("/api/v1/channels/" + channel + "/slots").then().extract();
    }

    static ExtractableResponse<Response> fill(String channel, String from, String to) {
        return given().auth().oauth2(Tokens.operator()).queryParam("from", from).queryParam("to", to)
                .when().post("/api/v1/channels/" + channel + "/fill").then().extract();
    }

    static ExtractableResponse<Response> live(String channel, String contentId, String start, String end, String policy) {
        return live(channel, contentId, start, end, policy, null);
    }

    /** What putting the live event on air would do: its dry run, whatever the answer. */
    static ExtractableResponse<Response> previewLive(String channel, String contentId, String start, String end, String policy) {
        return live(channel, contentId, start, end, policy, "true");
    }

    /** Puts the live event on air, or with {@code dryRun} (null: left out) only asks what it would do; whatever the answer. */
    static ExtractableResponse<Response> live(String channel, String contentId, String start, String end, String policy,
            String dryRun) {
        var request = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("contentId", contentId, "start", start, "end", end, "policy", policy));
        if (dryRun != null) {
            request = request.queryParam("dryRun", dryRun);
        }
        return request.when().post("/api/v1/channels/" + channel + "/live").then().extract();
    }

    static JsonPath validation(String channel, String from, String to) {
        return given().auth().oauth2(Tokens.operator()).queryParam("from", from).queryParam("to", to)
                .when().get("/api/v1/channels/" + channel + "/validation").then().statusCode(200).extract().jsonPath();
    }
}

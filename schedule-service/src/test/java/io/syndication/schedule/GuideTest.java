package io.syndication.schedule;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.path.xml.XmlPath;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Tokens;
import io.syndication.testing.XmltvStructure;

/** The JSON guide and XMLTV over local days in each channel's own zone, against a real PostgreSQL. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeContentServiceResource.class)
class GuideTest {

    private static String filledChannel(String timeZone, String from, String to) {
        String channel = ScheduleApi.channel(timeZone, List.of("SG"), List.of(FakeContentServiceResource.CLIP));
        ScheduleApi.fill(channel, from, to).response().then().statusCode(200);
        return channel;
    }

    private static JsonPath guide(String channel, String date, int days) {
        return given().auth().oauth2(Tokens.operator()).queryParam("date", date).queryParam("days", days)
                .when().get("/api/v1/channels/" + channel + "/guide")
                .then().statusCode(200).contentType(containsString("application/json")).extract().jsonPath();
    }

    /** The seconds the guide's programmes air in all. */
    private static long aired(JsonPath guide) {
        List<String> starts = guide.getList("programmes.start");
        List<String> ends = guide.getList("programmes.end");
        long total = 0;
        for (int i = 0; i < starts.size(); i++) {
            total += ChronoUnit.SECONDS.between(OffsetDateTime.parse(starts.get(i)), OffsetDateTime.parse(ends.get(i)));
        }
        return total;
    }

    /** The guide runs from {@code from} to {@code to}, and its programmes air {@code hours} hours in all. */
    private static void assertSpans(JsonPath guide, String from, String to, long hours) {
        assertThat(guide.getString("from"), equalTo(from));
        assertThat(guide.getString("to"), equalTo(to));
        assertThat(aired(guide), equalTo(hours * 60 * 60));
    }

    @Test
    void sydneysDaylightSavingDaysAre23And25HoursLong() {
        String spring = filledChannel("Australia/Sydney", "2026-10-03T12:00:00Z", "2026-10-05T14:00:00Z");
        JsonPath short23 = guide(spring, "2026-10-04", 1);
        assertSpans(short23, "2026-10-04T00:00:00+10:00", "2026-10-05T00:00:00+11:00", 23);
        assertThat(short23.getString("channel.timeZone"), equalTo("Australia/Sydney"));
        assertThat(short23.getString("programmes[0].start"), equalTo("2026-10-04T00:00:00+10:00"));
        assertThat(short23.getList("programmes.end").get(short23.getList("programmes").size() - 1),
                equalTo("2026-10-05T00:00:00+11:00"));

        String autumn = filledChannel("Australia/Sydney", "2026-04-04T12:00:00Z", "2026-04-05T14:00:00Z");
        assertSpans(guide(autumn, "2026-04-05", 1), "2026-04-05T00:00:00+11:00", "2026-04-06T00:00:00+10:00", 25);
    }

    @Test
    void guideDaysFollowTheChannelsZoneAndSeveralDaysAreOneWindow() {
        String kolkata = filledChannel("Asia/Kolkata", "2026-12-13T18:30:00Z", "2026-12-15T18:30:00Z");
        JsonPath twoDays = guide(kolkata, "2026-12-14", 2);
        assertSpans(twoDays, "2026-12-14T00:00:00+05:30", "2026-12-16T00:00:00+05:30", 48);
        assertThat(twoDays.getList("programmes.start"), everyItem(endsWith("+05:30")));

        // a day with nothing on it is an empty guide, not an error
        assertThat(guide(kolkata, "2026-12-20", 1).getList("programmes"), empty());
    }

    @Test
    void xmltvOfChannelsInOddOffsetsKeepsTheDtdsRules() {
        String kolkata = filledChannel("Asia/Kolkata", "2026-12-13T18:30:00Z", "2026-12-14T18:30:00Z");
        String kathmandu = filledChannel("Asia/Kathmandu", "2026-12-13T18:15:00Z", "2026-12-14T18:15:00Z");
        assertThat(ScheduleApi.live(kathmandu, FakeContentServiceResource.LIVE, "2026-12-14T04:00:00Z", "2026-12-14T06:00:00Z",
                "TRIM").statusCode(), equalTo(201));
        String kolkataSlug = slug(kolkata);
        String kathmanduSlug = slug(kathmandu);

        String xml = given().auth().oauth2(Tokens.operator())
                .queryParam("channel", kolkataSlug).queryParam("channel", kathmanduSlug).queryParam("date", "2026-12-14")
                .when().get("/api/v1/epg.xml")
                .then().statusCode(200).contentType(containsString("application/xml")).extract().asString();
        assertThat(XmltvStructure.problems(xml), empty());

        XmlPath tv = new XmlPath(xml);
        assertThat(tv.getList("tv.channel.@id"), contains(kolkataSlug, kathmanduSlug));
        List<String> kolkataStarts = tv.getList("tv.programme.findAll { it.@channel == '" + kolkataSlug + "' }.@start");
        List<String> kathmanduStarts = tv.getList("tv.programme.findAll { it.@channel == '" + kathmanduSlug + "' }.@start");
        assertThat(kolkataStarts.get(0), equalTo("20261214000000 +0530"));
        assertThat(kolkataStarts, everyItem(endsWith(" +0530")));
        assertThat(kathmanduStarts.get(0), equalTo("20261214000000 +0545"));
        assertThat(kathmanduStarts, everyItem(startsWith("20261214")));
        // 144 ten-minute clips fill Kolkata's day; the live event is marked as live
        assertThat(kolkataStarts.size(), equalTo(144));
        assertThat(tv.getList("tv.programme.findAll { it.category == 'Live' }.title"), contains("Asia Cup Final"));
        assertThat(tv.getString("tv.programme.find { it.category == 'Live' }.@start"), equalTo("20261214094500 +0545"));
    }

    @Test
    void theGuideRefusesWhatItCannotAnswerWithProblems() {
        String channel = filledChannel("Asia/Singapore", "2026-12-14T00:00:00Z", "2026-12-14T01:00:00Z");
        given().auth().oauth2(Tokens.operator()).queryParam("channel", "no-such.channel.example")
                .when().get("/api/v1/epg.xml")
                .then().spec(problem(404)).body("detail", containsString("no-such"));
        given().auth().oauth2(Tokens.operator()).queryParam("date", "14/12/2026")
                .when().get("/api/v1/channels/" + channel + "/guide")
                .then().spec(problem(400));
        given().auth().oauth2(Tokens.operator()).queryParam("days", 40)
                .when().get("/api/v1/channels/" + channel + "/guide")
                .then().spec(problem(400));
        given().auth().oauth2(Tokens.operator()).queryParam("from", "2026-12-14T00:00:00Z")
                .when().get("/api/v1/epg.xml")
                .then().spec(problem(400));
        given().auth().oauth2(Tokens.operator())
                .when().get("/api/v1/channels/6f1c7f4e-0000-4000-8000-000000000000/guide")
                .then().spec(problem(404));
        given().auth().oauth2(Tokens.partner(java.util.UUID.randomUUID()))
                .when().get("/api/v1/epg.xml").then().statusCode(403);
    }

    private static String slug(String channel) {
        return given().auth().oauth2(Tokens.operator()).when().get("/api/v1/channels/" + channel)
                .then().statusCode(200).extract().path("slug");
    }
}

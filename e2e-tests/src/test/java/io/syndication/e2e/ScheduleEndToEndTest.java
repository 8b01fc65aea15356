package io.syndication.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.syndication.testing.XmltvStructure;

/**
 * An operator builds a day of a Kolkata channel through the gateway from a partner's real content:
 * a window of programmes, a live event, filler to 100%, and the XMLTV guide of that local day.
 */
@ExtendWith(Platform.class)
class ScheduleEndToEndTest {

    private static RequestSpecification as(String token) {
        return given().baseUri(Platform.suite().gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A partner's item, submitted and approved. */
    private static String approved(String partner, String admin, Map<String, Object> item) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("language", "en", "categories", List.of("SPORTS"),
                "mediaUrl", "https://cdn.cricket.example/" + item.get("externalId") + ".m3u8", "ageRating", "ALL_AGES",
                "availableFrom", "2026-11-01T00:00:00Z", "territories", List.of("IN", "SG"), "synopsis", "Cricket."));
        body.putAll(item);
        String id = as(partner).body(body).when().post("/api/v1/content").then().statusCode(201).extract().path("id");
        as(partner).when().post("/api/v1/content/" + id + "/submit").then().statusCode(200);
        String reviewed = as(admin).when().get("/api/v1/content/" + id).then().statusCode(200).extract().header("ETag");
        as(admin).header("If-Match", reviewed).when().post("/api/v1/content/" + id + "/approve").then().statusCode(200);
        return id;
    }

    @Test
    void anOperatorBuildsADayFillsItAndPublishesItsXmltv() throws IOException {
        String partner = Platform.approvedPartnerToken("cricket", "IN", "SG");
        String admin = Platform.token("suite-admin");
        String operator = Platform.token("suite-operator");
        String tonight = approved(partner, admin, Map.of("externalId", "cricket-tonight", "kind", "PROGRAMME",
                "title", "Cricket Tonight", "durationSeconds", 3600));
        String innings = approved(partner, admin, Map.of("externalId", "greatest-innings", "kind", "PROGRAMME",
                "title", "Greatest Innings", "durationSeconds", 7200));
        String clip = approved(partner, admin, Map.of("externalId", "best-minute", "kind", "CLIP",
                "title", "Six of the Day", "durationSeconds", 420));
        String finalMatch = approved(partner, admin, Map.of("externalId", "asia-cup-final", "kind", "LIVE_EVENT",
                "title", "Asia Cup Final: India v Sri Lanka", "start", "2026-12-14T08:30:00Z", "end", "2026-12-14T16:30:00Z"));

        String slug = "cricket-" + UUID.randomUUID().toString().substring(0, 8) + ".in.example";
        // healing FLAG: a slot whose item may no longer air stays, for the operator to see at /validation (FILL,
        // the default, replaces it with filler: EventsEndToEndTest)
        String channel = as(operator).body(Map.of("slug", slug, "name", "Cricket 24/7", "timeZone", "Asia/Kolkata",
                "territories", List.of("IN"), "fillerContentIds", List.of(clip), "healing", "FLAG"))
                .when().post("/api/v1/channels").then().statusCode(201).extract().path("id");
        String channelPath = "/api/v1/channels/" + channel;
        // the local day 2026-12-14 in Kolkata, +05:30
        String from = "2026-12-13T18:30:00Z";
        String to = "2026-12-14T18:30:00Z";

        as(operator).queryParam("from", from).queryParam("to", to)
                .body(List.of(Map.of("contentId", tonight, "start", "2026-12-13T18:30:00Z"),
                        Map.of("contentId", innings, "start", "2026-12-14T00:30:00Z"),
                        Map.of("contentId", tonight, "start", "2026-12-14T16:00:00Z")))
                .when().put(channelPath + "/slots").then().statusCode(200).body("kind", contains("PROGRAMME", "PROGRAMME",
                        "PROGRAMME"));
        // the final overruns the evening programme's slot: it is cut to what is left
        as(operator).body(Map.of("contentId", finalMatch, "start", "2026-12-14T08:30:00Z", "end", "2026-12-14T16:30:00Z",
                "policy", "TRIM"))
                .when().post(channelPath + "/live").then().statusCode(201)
                .body("changes.change", contains("TRIMMED")).body("changes[0].slot.start", equalTo("2026-12-14T16:30:00Z"));

        as(operator).queryParam("from", from).queryParam("to", to)
                .when().post(channelPath + "/fill").then().statusCode(200).body("coverage", equalTo(1.0f));
        as(operator).queryParam("from", from).queryParam("to", to)
                .when().get(channelPath + "/gaps").then().statusCode(200).body("coverage", equalTo(1.0f)).body("gaps", empty());
        as(operator).queryParam("from", from).queryParam("to", to)
                .when().get(channelPath + "/validation").then().statusCode(200).body("findings", empty());

        String xml = as(operator).queryParam("channel", slug).queryParam("date", "2026-12-14")
                .when().get("/api/v1/epg.xml").then().statusCode(200).extract().asString();
        assertThat(XmltvStructure.problems(xml), empty());
        assertThat(xml.contains("<programme start=\"20261214000000 +0530\""), equalTo(true));
        assertThat(xml.contains("<category lang=\"en\">Live</category>"), equalTo(true));
        // kept for checking against the official DTD: xmllint --noout --dtdvalid xmltv.dtd target/epg.xml
        Files.writeString(Path.of("target", "epg.xml"), xml);

        // the JSON guide of the same day agrees
        as(operator).queryParam("date", "2026-12-14")
                .when().get(channelPath + "/guide").then().statusCode(200)
                .body("from", equalTo("2026-12-14T00:00:00+05:30"))
                .body("programmes.title", hasItem("Asia Cup Final: India v Sri Lanka"));

        // retired since placement: once schedule-service has the event, validation says so of every slot it has
        as(partner).when().post("/api/v1/content/" + innings + "/retire").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                as(operator).queryParam("from", from).queryParam("to", to)
                        .when().get(channelPath + "/validation").then().statusCode(200)
                        .body("findings.reason", contains("CONTENT_NOT_APPROVED"))
                        .body("findings[0].contentId", equalTo(innings)));
        as(operator).when().get(channelPath + "/heals").then().statusCode(200)
                .body("items.action", contains("FLAGGED"))
                .body("items[0].contentId", equalTo(innings))
                .body("items[0].eventType", equalTo("content.retired"));

        // the guide is for operators and admins, not partners
        as(partner).queryParam("channel", slug).when().get("/api/v1/epg.xml").then().statusCode(403);
    }
}

package io.syndication.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;

/** A partner's item goes from draft to the operators' catalogue and out again, through the gateway. */
@ExtendWith(Platform.class)
class ContentFlowEndToEndTest {

    private static String gateway() {
        return Platform.suite().gatewayUrl();
    }

    @Test
    void createSubmitApproveSeeScheduleAndRetire() {
        String partner = Platform.approvedPartnerToken("flow", "SG", "HK");
        String admin = Platform.token("suite-admin");
        String operator = Platform.token("suite-operator");

        String id = given().baseUri(gateway()).auth().oauth2(partner).contentType(ContentType.JSON)
                .body("""
                        {"externalId": "bulletin-0800", "kind": "PROGRAMME", "title": "Morning Markets 08:00",
                         "synopsis": "Asian markets at the open.", "language": "en", "categories": ["NEWS", "BUSINESS"],
                         "durationSeconds": 1800, "mediaUrl": "https://cdn.flow.example/0800.m3u8", "ageRating": "ALL_AGES",
                         "availableFrom": "2026-11-01T00:00:00Z", "territories": ["SG"]}
                        """)
                .when().post("/api/v1/content")
                .then().statusCode(201).extract().path("id");
        given().baseUri(gateway()).auth().oauth2(operator).queryParam("q", "markets")
                .when().get("/api/v1/content")
                .then().statusCode(200).body("items.id", not(hasItem(id)));

        given().baseUri(gateway()).auth().oauth2(partner).contentType(ContentType.JSON)
                .when().post("/api/v1/content/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        String reviewed = given().baseUri(gateway()).auth().oauth2(admin)
                .when().get("/api/v1/content/" + id)
                .then().statusCode(200).extract().header("ETag");
        given().baseUri(gateway()).auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", reviewed)
                .when().post("/api/v1/content/" + id + "/approve")
                .then().statusCode(200).body("status", equalTo("APPROVED"));

        given().baseUri(gateway()).auth().oauth2(operator).queryParam("q", "markets")
                .when().get("/api/v1/content")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().baseUri(gateway()).auth().oauth2(operator)
                .queryParam("at", "2026-12-01T08:00:00Z").queryParam("territory", "SG")
                .when().get("/api/v1/content/" + id + "/availability")
                .then().statusCode(200).body("available", equalTo(true));

        // an operator schedules it on a channel of its territory; the same time twice is refused
        String channel = given().baseUri(gateway()).auth().oauth2(operator).contentType(ContentType.JSON)
                .body("""
                        {"slug": "flow-%s.apac.example", "name": "Flow Markets", "timeZone": "Asia/Singapore", "territories": ["SG"]}
                        """.formatted(UUID.randomUUID().toString().substring(0, 8)))
                .when().post("/api/v1/channels")
                .then().statusCode(201).extract().path("id");
        String slot = "{\"contentId\": \"" + id + "\", \"start\": \"2026-12-01T00:00:00Z\"}";
        given().baseUri(gateway()).auth().oauth2(operator).contentType(ContentType.JSON).body(slot)
                .when().post("/api/v1/channels/" + channel + "/slots")
                .then().statusCode(201).body("end", equalTo("2026-12-01T00:30:00Z"));
        given().baseUri(gateway()).auth().oauth2(operator).contentType(ContentType.JSON).body(slot)
                .when().post("/api/v1/channels/" + channel + "/slots")
                .then().statusCode(409);

        given().baseUri(gateway()).auth().oauth2(partner).contentType(ContentType.JSON)
                .when().post("/api/v1/content/" + id + "/retire")
                .then().statusCode(200).body("status", equalTo("RETIRED"));
        given().baseUri(gateway()).auth().oauth2(operator).queryParam("q", "markets")
                .when().get("/api/v1/content")
                .then().body("items.id", not(hasItem(id)));
    }
}

package io.syndication.content;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Race;
import io.syndication.testing.Tokens;

/**
 * What a moderator approved is what airs: an edit of anything reviewed sends an approved item back
 * to SUBMITTED, however it is sent, and a verdict applies to the version reviewed only.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(FakePartnerServiceResource.class)
class ModerationTest {

    private final String partner = Tokens.partner(UUID.randomUUID());

    /** A clip for adults only, with its poster: what a moderator judges by. */
    private static String clip(String externalId) {
        return """
                {"externalId": "%1$s", "kind": "CLIP", "title": "Derby Day: the late tackle",
                 "synopsis": "The red card that decided the derby.", "language": "en",
                 "categories": ["SPORTS", "FOOTBALL"], "durationSeconds": 90,
                 "mediaUrl": "https://cdn.football.example/clips/%1$s.mp4",
                 "thumbnailUrl": "https://cdn.football.example/clips/%1$s.jpg", "ageRating": "ADULT_18",
                 "availableFrom": "2026-12-01T00:00:00Z", "availableUntil": "2027-03-01T00:00:00Z",
                 "territories": ["IN", "SG"]}
                """.formatted(externalId);
    }

    private String submitted(String body) {
        String id = given().auth().oauth2(partner).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/content").then().statusCode(201).extract().path("id");
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .when().post("/api/v1/content/" + id + "/submit").then().statusCode(200);
        return id;
    }

    private String approved(String body) {
        String id = submitted(body);
        assertThat(Moderator.approve(id).statusCode(), equalTo(200));
        return id;
    }

    private ExtractableResponse<Response> patch(String id, String body) {
        return given().auth().oauth2(partner).contentType(ContentType.JSON).body(body)
                .when().patch("/api/v1/content/" + id).then().extract();
    }

    private ExtractableResponse<Response> put(String externalId, String body) {
        return given().auth().oauth2(partner).contentType(ContentType.JSON).body(body)
                .when().put("/api/v1/content/external/" + externalId).then().extract();
    }

    private String statusOf(String id) {
        return given().auth().oauth2(partner).when().get("/api/v1/content/" + id).then().extract().path("status");
    }

    @Test
    void anApprovedAdultClipReRatedForAllAgesWithANewThumbnailIsNoLongerSchedulable() {
        String id = approved(clip("derby-red-card"));
        ExtractableResponse<Response> edited = patch(id,
                "{\"ageRating\": \"ALL_AGES\", \"thumbnailUrl\": \"https://cdn.football.example/clips/family.jpg\"}");
        assertThat(edited.statusCode(), equalTo(200));
        assertThat(edited.path("status"), equalTo("SUBMITTED"));
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/content/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.admin())
                .queryParam("at", "2026-12-24T20:00:00Z").queryParam("territory", "IN")
                .when().get("/api/v1/content/" + id + "/availability")
                .then().statusCode(200).body("reasons", contains("NOT_APPROVED"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"title\": \"Derby Day: the tackle, again\"}",
            "{\"synopsis\": \"A clean tackle, they say.\"}",
            "{\"language\": \"hi\"}",
            "{\"categories\": [\"ENTERTAINMENT\"]}",
            "{\"categories\": [\"SPORTS\", \"FOOTBALL\", \"KIDS\"]}",
            "{\"ageRating\": \"TEEN_13\"}",
            "{\"thumbnailUrl\": \"https://cdn.football.example/clips/other.jpg\"}",
            "{\"mediaUrl\": \"https://cdn.football.example/clips/other.m3u8\"}",
            "{\"durationSeconds\": 120}",
            "{\"availableFrom\": \"2026-11-01T00:00:00Z\"}",
            "{\"availableUntil\": \"2028-01-01T00:00:00Z\"}",
            "{\"territories\": [\"IN\", \"SG\", \"AU\"]}" })
    void anyEditOfAReviewedFieldSendsAnApprovedItemBackToModeration(String change) {
        String id = approved(clip("reviewed-" + UUID.randomUUID()));
        ExtractableResponse<Response> edited = patch(id, change);
        assertThat(edited.statusCode(), equalTo(200));
        assertThat(edited.path("status"), equalTo("SUBMITTED"));
        given().auth().oauth2(partner).when().get("/api/v1/content/" + id + "/history")
                .then().body("action[-1]", equalTo("RESUBMITTED_BY_EDIT"));
    }

    @Test
    void aLiveEventsPlannedTimesAreReviewed() {
        String live = """
                {"externalId": "derby-live", "kind": "LIVE_EVENT", "title": "Derby Day, live", "language": "en",
                 "categories": ["FOOTBALL"], "start": "2026-12-20T12:00:00Z", "end": "2026-12-20T14:00:00Z",
                 "mediaUrl": "https://cdn.football.example/live/derby.m3u8", "ageRating": "ALL_AGES",
                 "availableFrom": "2026-12-01T00:00:00Z", "territories": ["IN"]}
                """;
        String id = approved(live);
        assertThat(patch(id, "{\"end\": \"2026-12-20T15:00:00Z\"}").path("status"), equalTo("SUBMITTED"));
    }

    @Test
    void anEditSentByExternalIdOrInABatchSendsAnApprovedItemBackToModeration() {
        String retitled = approved(clip("put-title"));
        assertThat(put("put-title", clip("put-title").replace("the late tackle", "the tackle")).path("status"),
                equalTo("SUBMITTED"));

        String rekinded = approved(clip("put-kind"));
        assertThat(put("put-kind", clip("put-kind").replace("\"CLIP\"", "\"PROGRAMME\"")).path("status"),
                equalTo("SUBMITTED"));

        String batched = approved(clip("batch-rating"));
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .body("{\"items\": [" + clip("batch-rating").replace("ADULT_18", "PG") + "]}")
                .when().post("/api/v1/content/batch")
                .then().statusCode(200).body("results.outcome", contains("UPDATED"));

        for (String id : List.of(retitled, rekinded, batched)) {
            assertThat(statusOf(id), equalTo("SUBMITTED"));
        }
    }

    @Test
    void anApprovedItemSentAgainUnchangedStaysApproved() {
        String id = approved(clip("resent"));
        ExtractableResponse<Response> again = put("resent", clip("resent"));
        assertThat(again.statusCode(), equalTo(200));
        assertThat(again.path("status"), equalTo("APPROVED"));
        // territories are a set: listed in another order, they are what was reviewed
        assertThat(put("resent", clip("resent").replace("[\"IN\", \"SG\"]", "[\"SG\", \"IN\"]")).path("status"),
                equalTo("APPROVED"));
        assertThat(statusOf(id), equalTo("APPROVED"));
    }

    @Test
    void anApprovalNamesTheVersionReviewedAndIsRefusedOnceItChanged() {
        String id = submitted(clip("reviewed-version"));
        String reviewed = Moderator.reviewed(id);
        // the partner edits the item while the moderator looks at it
        assertThat(patch(id, "{\"thumbnailUrl\": \"https://cdn.football.example/clips/swapped.jpg\"}").statusCode(),
                equalTo(200));

        ExtractableResponse<Response> stale = Moderator.verdict(id, "approve", reviewed, "{}");
        assertThat(stale.statusCode(), equalTo(412));
        assertThat(stale.contentType(), equalTo("application/problem+json"));
        assertThat(stale.path("type"), equalTo("https://syndication.example/problems/stale-version"));
        assertThat(statusOf(id), equalTo("SUBMITTED"));

        for (String missing : new String[] { null, "*" }) {
            ExtractableResponse<Response> unnamed = Moderator.verdict(id, "approve", missing, "{}");
            assertThat(unnamed.statusCode(), equalTo(428));
            assertThat(unnamed.contentType(), equalTo("application/problem+json"));
            assertThat(unnamed.path("type"), equalTo("https://syndication.example/problems/if-match-required"));
        }
        assertThat(statusOf(id), equalTo("SUBMITTED"));

        String current = Moderator.reviewed(id);
        ExtractableResponse<Response> approved = Moderator.verdict(id, "approve", current, "{}");
        assertThat(approved.statusCode(), equalTo(200));
        assertThat(approved.path("status"), equalTo("APPROVED"));
        assertThat(approved.path("thumbnailUrl"), equalTo("https://cdn.football.example/clips/swapped.jpg"));
        assertThat(approved.header("ETag"), equalTo("\"" + approved.<Integer>path("version") + "\""));
    }

    @Test
    void aRejectionNamesTheVersionReviewedToo() {
        String id = submitted(clip("rejected-version"));
        String reviewed = Moderator.reviewed(id);
        String reason = "{\"reason\": \"The poster shows a betting sponsor\"}";
        assertThat(Moderator.verdict(id, "reject", null, reason).statusCode(), equalTo(428));
        patch(id, "{\"thumbnailUrl\": \"https://cdn.football.example/clips/clean.jpg\"}");
        assertThat(Moderator.verdict(id, "reject", reviewed, reason).statusCode(), equalTo(412));
        assertThat(Moderator.verdict(id, "reject", Moderator.reviewed(id), reason).<String>path("status"),
                equalTo("REJECTED"));
    }

    @Test
    void racingPatchesWithOneETagGiveOne200AndThe412Rest() throws Exception {
        String id = submitted(clip("racing-patches"));
        String etag = Moderator.reviewed(id);
        int writers = 20;
        List<ExtractableResponse<Response>> answers = Race.of(writers, writer -> given().auth().oauth2(partner)
                .contentType(ContentType.JSON).header("If-Match", etag).body("{\"title\": \"Writer " + writer + "\"}")
                .when().patch("/api/v1/content/" + id).then().extract());
        List<Integer> statuses = new ArrayList<>();
        for (ExtractableResponse<Response> response : answers) {
            statuses.add(response.statusCode());
            if (response.statusCode() != 200) {
                assertThat(response.contentType(), equalTo("application/problem+json"));
            }
        }
        assertThat(statuses.stream().filter(status -> status == 200).count(), equalTo(1L));
        assertThat(statuses.stream().filter(status -> status != 200).toList(), everyItem(equalTo(412)));
        // the one acknowledged write is the one version step
        given().auth().oauth2(partner).when().get("/api/v1/content/" + id)
                .then().header("ETag", equalTo("\"" + (Long.parseLong(etag.replace("\"", "")) + 1) + "\""));
    }
}

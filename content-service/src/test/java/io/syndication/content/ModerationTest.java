package io.syndication.content;

import static io.restassured.RestAssured.given;
import static io.syndication.content.ContentApi.approved;
import static io.syndication.content.ContentApi.availability;
import static io.syndication.content.ContentApi.batch;
import static io.syndication.content.ContentApi.reviewed;
import static io.syndication.content.ContentApi.submitted;
import static io.syndication.content.ContentApi.verdict;
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

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Race;
import io.syndication.testing.Tokens;

/**
 * What a moderator approved is what airs: an edit of anything reviewed sends an approved item back
 * to SUBMITTED, however it is sent, and a verdict applies to the version reviewed only.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakePartnerServiceResource.class)
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

    private Response patch(String id, String body) {
        return ContentApi.patch(partner, id, body);
    }

    private Response put(String externalId, String body) {
        return ContentApi.put(partner, externalId, body);
    }

    private String statusOf(String id) {
        return ContentApi.statusOf(partner, id);
    }

    @Test
    void anApprovedAdultClipReRatedForAllAgesWithANewThumbnailIsNoLongerSchedulable() {
        String id = approved(partner, clip("derby-red-card"));
        Response edited = patch(id,
                "{\"ageRating\": \"ALL_AGES\", \"thumbnailUrl\": \"https://cdn.football.example/clips/family.jpg\"}");
        assertThat(edited.statusCode(), equalTo(200));
        assertThat(edited.path("status"), equalTo("SUBMITTED"));
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/content/" + id).then().statusCode(404);
        availability(Tokens.admin(), id, "2026-12-24T20:00:00Z", "IN")
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
        String id = approved(partner, clip("reviewed-" + UUID.randomUUID()));
        Response edited = patch(id, change);
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
        String id = approved(partner, live);
        assertThat(patch(id, "{\"end\": \"2026-12-20T15:00:00Z\"}").path("status"), equalTo("SUBMITTED"));
    }

    @Test
    void anEditSentByExternalIdOrInABatchSendsAnApprovedItemBackToModeration() {
        String retitled = approved(partner, clip("put-title"));
        assertThat(put("put-title", clip("put-title").replace("the late tackle", "the tackle")).path("status"),
                equalTo("SUBMITTED"));

        String rekinded = approved(partner, clip("put-kind"));
        assertThat(put("put-kind", clip("put-kind").replace("\"CLIP\"", "\"PROGRAMME\"")).path("status"),
                equalTo("SUBMITTED"));

        String batched = approved(partner, clip("batch-rating"));
        batch(partner, "{\"items\": [" + clip("batch-rating").replace("ADULT_18", "PG") + "]}")
                .then().statusCode(200).body("results.outcome", contains("UPDATED"));

        for (String id : List.of(retitled, rekinded, batched)) {
            assertThat(statusOf(id), equalTo("SUBMITTED"));
        }
    }

    @Test
    void anApprovedItemSentAgainUnchangedStaysApproved() {
        String id = approved(partner, clip("resent"));
        Response again = put("resent", clip("resent"));
        assertThat(again.statusCode(), equalTo(200));
        assertThat(again.path("status"), equalTo("APPROVED"));
        // territories are a set: listed in another order, they are what was reviewed
        assertThat(put("resent", clip("resent").replace("[\"IN\", \"SG\"]", "[\"SG\", \"IN\"]")).path("status"),
                equalTo("APPROVED"));
        assertThat(statusOf(id), equalTo("APPROVED"));
    }

    @Test
    void anApprovalNamesTheVersionReviewedAndIsRefusedOnceItChanged() {
        String id = submitted(partner, clip("reviewed-version"));
        String reviewed = reviewed(id);
        // the partner edits the item while the moderator looks at it
        assertThat(patch(id, "{\"thumbnailUrl\": \"https://cdn.football.example/clips/swapped.jpg\"}").statusCode(),
                equalTo(200));

        Response stale = verdict(id, "approve", reviewed, "{}");
        assertThat(stale.statusCode(), equalTo(412));
        assertThat(stale.contentType(), equalTo("application/problem+json"));
        assertThat(stale.path("type"), equalTo("https://syndication.example/problems/stale-version"));
        assertThat(statusOf(id), equalTo("SUBMITTED"));

        for (String missing : new String[] { null, "*" }) {
            Response unnamed = verdict(id, "approve", missing, "{}");
            assertThat(unnamed.statusCode(), equalTo(428));
            assertThat(unnamed.contentType(), equalTo("application/problem+json"));
            assertThat(unnamed.path("type"), equalTo("https://syndication.example/problems/if-match-required"));
        }
        assertThat(statusOf(id), equalTo("SUBMITTED"));

        String current = reviewed(id);
        Response approved = verdict(id, "approve", current, "{}");
        assertThat(approved.statusCode(), equalTo(200));
        assertThat(approved.path("status"), equalTo("APPROVED"));
        assertThat(approved.path("thumbnailUrl"), equalTo("https://cdn.football.example/clips/swapped.jpg"));
        assertThat(approved.header("ETag"), equalTo("\"" + approved.<Integer>path("version") + "\""));
    }

    @Test
    void aRejectionNamesTheVersionReviewedToo() {
        String id = submitted(partner, clip("rejected-version"));
        String reviewed = reviewed(id);
        String reason = "{\"reason\": \"The poster shows a betting sponsor\"}";
        assertThat(verdict(id, "reject", null, reason).statusCode(), equalTo(428));
        patch(id, "{\"thumbnailUrl\": \"https://cdn.football.example/clips/clean.jpg\"}");
        assertThat(verdict(id, "reject", reviewed, reason).statusCode(), equalTo(412));
        assertThat(verdict(id, "reject", reviewed(id), reason).<String>path("status"),
                equalTo("REJECTED"));
    }

    @Test
    void racingPatchesWithOneETagGiveOne200AndThe412Rest() throws Exception {
        String id = submitted(partner, clip("racing-patches"));
        String etag = reviewed(id);
        int writers = 20;
        List<Response> answers = Race.of(writers, writer -> given().auth().oauth2(partner)
                .contentType(ContentType.JSON).header("If-Match", etag).body("{\"title\": \"Writer " + writer + "\"}")
                .when().patch("/api/v1/content/" + id));
        List<Integer> statuses = new ArrayList<>();
        for (Response response : answers) {
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

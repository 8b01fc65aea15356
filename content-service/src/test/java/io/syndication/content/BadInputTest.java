package io.syndication.content;

import static io.restassured.RestAssured.given;
import static io.syndication.content.ContentApi.act;
import static io.syndication.content.ContentApi.patch;
import static io.syndication.content.ContentApi.reviewed;
import static io.syndication.content.ContentApi.verdict;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Race;
import io.syndication.testing.Tokens;

/** Bad input, and input that races, is a 4xx problem or succeeds: it never reaches the database to make a 500. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakePartnerServiceResource.class)
class BadInputTest {

    /** Well-formed BCP 47 (private-use subtags), 40 characters: longer than any tag the catalogue stores. */
    static final String LONG_LANGUAGE_TAG = "en-x-aaaaaaaa-bbbbbbbb-cccccccc-dddddddd";

    private final String partner = Tokens.partner(UUID.randomUUID());

    private static Map<String, Object> programme(String externalId) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("externalId", externalId);
        item.put("kind", "PROGRAMME");
        item.put("title", "Seoul Beats");
        item.put("language", "ko");
        item.put("categories", List.of("MUSIC", "KPOP"));
        item.put("durationSeconds", 3600);
        item.put("mediaUrl", "https://cdn.seoul-beats.example/ep/" + externalId + ".m3u8");
        item.put("ageRating", "ALL_AGES");
        item.put("availableFrom", "2026-12-01T00:00:00Z");
        item.put("territories", List.of("KR", "JP"));
        return item;
    }

    private static Map<String, Object> programme(String externalId, String field, Object value) {
        Map<String, Object> item = programme(externalId);
        item.put(field, value);
        return item;
    }

    private Response create(Object body) {
        return ContentApi.create(partner, body);
    }

    private Response put(String externalId, Object body) {
        return ContentApi.put(partner, externalId, body);
    }

    private Response batch(Map<String, Object> item) {
        return ContentApi.batch(partner, Map.of("items", List.of(item))).then().statusCode(200).extract().response();
    }

    private static void assertNames(Response response, String field) {
        assertThat(response.statusCode(), equalTo(400));
        assertThat(response.contentType(), equalTo("application/problem+json"));
        assertThat(response.path("violations.field"), contains(field));
    }

    @Test
    void aLanguageTagLongerThanTheCatalogueKeepsIs400NamingItHoweverItIsSent() {
        assertNames(create(programme("long-tag", "language", LONG_LANGUAGE_TAG)), "language");
        assertNames(put("long-tag", programme("long-tag", "language", LONG_LANGUAGE_TAG)), "language");

        String id = create(programme("short-tag")).path("id");
        assertNames(patch(partner, id, Map.of("language", LONG_LANGUAGE_TAG)), "language");

        Response batched = batch(programme("batch-tag", "language", LONG_LANGUAGE_TAG));
        assertThat(batched.path("results.outcome"), contains("FAILED"));
        assertThat(batched.path("results[0].problem.status"), equalTo(400));
        assertThat(batched.path("results[0].problem.violations.field"), contains("language"));
    }

    /** Each string the catalogue stores, one character longer than its column holds. */
    static Stream<Arguments> overlongStrings() {
        return Stream.of(
                arguments("externalId", "a".repeat(201)),
                arguments("title", "a".repeat(301)),
                arguments("synopsis", "a".repeat(5001)),
                arguments("language", "en-x-" + "abcdefgh-".repeat(3) + "abcd"),
                arguments("mediaUrl", "https://cdn.example/" + "a".repeat(2025) + ".mp4"),
                arguments("thumbnailUrl", "https://cdn.example/" + "a".repeat(2025) + ".jpg"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlongStrings")
    void everyStoredStringIsBoundedBeforeTheDatabaseSeesIt(String field, String overlong) {
        Map<String, Object> item = programme("bounded-" + field, field, overlong);
        assertThat(create(item).<List<String>>path("violations.field"), hasItem(field));
        assertThat(batch(item).<List<String>>path("results[0].problem.violations.field"), hasItem(field));
    }

    @Test
    void listsTheCatalogueStoresAreBoundedToo() {
        assertNames(create(programme("many-categories", "categories", Collections.nCopies(11, "MUSIC"))), "categories");
        assertNames(create(programme("many-territories", "territories", Collections.nCopies(251, "KR"))), "territories");
        assertNames(create(programme("long-territory", "territories", List.of("KOR"))), "territories[0]");
    }

    @Test
    void textPostgreSQLCannotStoreIs400() {
        assertNames(create(programme("nul-title", "title", "Seoul\u0000Beats")), "title");
        assertNames(create(programme("nul-synopsis", "synopsis", "\u0000")), "synopsis");
        String id = create(programme("nul-reason")).path("id");
        act(partner, id, "submit", "{}").then().statusCode(200);
        assertNames(verdict(id, "reject", reviewed(id), "{\"reason\": \"Bad\\u0000audio\"}"), "reason");
    }

    @Test
    void aMissingBodyIsNamedBodyAndAMethodThePathDoesNotTakeIs405ThoughPatchOfAnItemWouldTakeIt() {
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .when().post("/api/v1/content/availability")
                .then().spec(problem(400))
                .body("violations.field", contains("body"));
        // PATCH /{id} takes the path: refused for an operator's role, or for "availability" not being an id, before
        for (String token : List.of(partner, Tokens.operator())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                    .when().patch("/api/v1/content/availability")
                    .then().spec(problem(405))
                    .header("Allow", containsString("POST"))
                    .header("Allow", not(containsString("PATCH")));
        }
    }

    @Test
    void anInstantOffTheCalendarIs400() {
        assertNames(create(programme("far-future", "availableUntil", "+300000-01-01T00:00:00Z")), "availableUntil");
        assertNames(create(programme("long-ago", "availableFrom", "-0001-01-01T00:00:00Z")), "availableFrom");
    }

    @Test
    void searchesPostgreSQLCannotRunAre400() {
        assertNames(given().auth().oauth2(partner).queryParam("q", "K\u0000Pop")
                .when().get("/api/v1/content"), "q");
        assertNames(given().auth().oauth2(partner).queryParam("language", "ko\u0000")
                .when().get("/api/v1/content"), "language");
        assertNames(given().auth().oauth2(partner).queryParam("availableAt", "+300000-01-01T00:00:00Z")
                .when().get("/api/v1/content"), "availableAt");
        // cursors this API never issued: a title and an instant PostgreSQL could not compare
        Map<String, String> forged = Map.of("title", "K\u0000Pop", "availableFrom", "+300000-01-01T00:00:00Z");
        forged.forEach((sort, after) -> {
            String cursor = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((after + "|" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            given().auth().oauth2(partner).queryParam("sort", sort).queryParam("next", cursor)
                    .when().get("/api/v1/content")
                    .then().spec(problem(400))
                    .body("type", equalTo("https://syndication.example/problems/invalid-cursor"));
        });
    }

    @Test
    void aModeratorWithALongNameIsRecordedInTheHistory() {
        String id = create(programme("long-moderator")).path("id");
        act(partner, id, "submit", "{}").then().statusCode(200);
        String moderator = "service-account-" + "moderation-console-".repeat(13);
        String token = Jwt.issuer(Tokens.ISSUER).audience(Tokens.AUDIENCE).subject(moderator)
                .claim("preferred_username", moderator)
                .claim("realm_access", Map.of("roles", List.of("platform-admin")))
                .sign();
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", reviewed(id))
                .when().post("/api/v1/content/" + id + "/approve")
                .then().statusCode(200);
        given().auth().oauth2(partner).when().get("/api/v1/content/" + id + "/history")
                .then().body("actor[-1]", equalTo("admin:" + moderator));
    }

    @Test
    void racingPutsOfOneNewExternalIdMakeOneItem() throws Exception {
        Map<String, Object> body = programme("racing-put");
        List<Integer> statuses = Race.of(12, racer -> put("racing-put", body).statusCode());
        assertThat(statuses, everyItem(is(oneOf(200, 201, 409))));
        assertThat(statuses.stream().filter(status -> status == 201).count(), equalTo(1L));
        assertThat(itemsKnownAs("racing-put"), equalTo(1));
    }

    @Test
    void racingBatchesOfOneNewExternalIdMakeOneItem() throws Exception {
        Map<String, Object> item = programme("racing-batch");
        List<String> outcomes = Race.of(8, racer -> batch(item).<String>path("results[0].outcome"));
        assertThat(outcomes, everyItem(is(oneOf("CREATED", "UNCHANGED"))));
        assertThat(outcomes.stream().filter("CREATED"::equals).count(), equalTo(1L));
        assertThat(itemsKnownAs("racing-batch"), equalTo(1));
    }

    private int itemsKnownAs(String externalId) {
        List<String> known = given().auth().oauth2(partner).queryParam("limit", 200)
                .when().get("/api/v1/content").then().statusCode(200).extract().path("items.externalId");
        return Collections.frequency(known, externalId);
    }
}

package io.syndication.content;

import static io.restassured.RestAssured.given;
import static io.syndication.content.ContentApi.act;
import static io.syndication.content.ContentApi.approve;
import static io.syndication.content.ContentApi.availability;
import static io.syndication.content.ContentApi.batch;
import static io.syndication.content.ContentApi.create;
import static io.syndication.content.ContentApi.patch;
import static io.syndication.content.ContentApi.put;
import static io.syndication.content.ContentApi.reviewed;
import static io.syndication.content.ContentApi.verdict;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Tokens;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakePartnerServiceResource.class)
class ContentCatalogueTest {

    private final String partner = Tokens.partner(UUID.randomUUID());

    @Inject
    @ReactiveDataSource("searches")
    Pool searches;

    static String programme(String externalId, String title) {
        return """
                {"externalId": "%s", "kind": "PROGRAMME", "title": "%s",
                 "synopsis": "The weekly countdown of the K-pop charts, live from Seoul.", "language": "ko",
                 "categories": ["MUSIC", "KPOP"], "durationSeconds": 3600,
                 "mediaUrl": "https://cdn.kpop-weekly.example/ep/%s/master.m3u8", "ageRating": "ALL_AGES",
                 "availableFrom": "2026-12-01T00:00:00Z", "availableUntil": "2027-03-01T00:00:00Z", "territories": ["KR", "JP"]}
                """.formatted(externalId, title, externalId);
    }

    private String created(String externalId) {
        return ContentApi.created(partner, programme(externalId, "K-Pop Weekly " + externalId));
    }

    @Test
    void aPartnerCreatesADraftForItself() {
        Response response = create(partner, programme("ep-101", "K-Pop Weekly #101"));
        assertThat(response.statusCode(), equalTo(201));
        assertThat(response.header("Location"), containsString("/api/v1/content/" + response.path("id")));
        assertThat(response.path("status"), equalTo("DRAFT"));
        assertThat(response.path("durationSeconds"), equalTo(3600));
        assertThat(response.header("ETag"), notNullValue());
        assertThat(create(partner, programme("ep-101", "again")).statusCode(), equalTo(409));
    }

    @Test
    void putByExternalIdIsIdempotent() {
        String body = programme("ep-200", "K-Pop Weekly #200");
        String id = put(partner, "ep-200", body)
                .then().statusCode(201).extract().path("id");
        put(partner, "ep-200", body)
                .then().statusCode(200).body("id", equalTo(id)).body("version", equalTo(0));
        put(partner, "ep-200", body.replace("#200", "#200 (extended)"))
                .then().statusCode(200).body("id", equalTo(id)).body("version", equalTo(1));
        given().auth().oauth2(partner).queryParam("q", "extended")
                .when().get("/api/v1/content")
                .then().body("items.id", contains(id));
    }

    @Test
    void aBatchReportsEachItemInOrder() {
        created("b-1");
        String items = String.join(",",
                programme("b-1", "K-Pop Weekly b-1"),
                programme("b-2", "New"),
                programme("b-3", "Bad").replace("3600", "-5"),
                programme("b-1", "Renamed"));
        batch(partner, "{\"items\": [" + items + "]}")
                .then().statusCode(200)
                .body("results.externalId", contains("b-1", "b-2", "b-3", "b-1"))
                .body("results.outcome", contains("UNCHANGED", "CREATED", "FAILED", "UPDATED"))
                .body("results[2].problem.violations.field", hasItem("durationSeconds"))
                .body("results[1].id", notNullValue());
    }

    @Test
    void anOversizeBatchIsRefusedNamingTheLimit() {
        String items = String.join(",", java.util.Collections.nCopies(1001, programme("same", "x")));
        batch(partner, "{\"items\": [" + items + "]}")
                .then().spec(problem(400))
                .body("violations[0].message", containsString("1000"));
    }

    @Test
    void everyBrokenRuleIsListedAtOnce() {
        create(partner, """
                        {"externalId": "bad", "kind": "LIVE_EVENT", "title": "", "language": "xx-123",
                         "categories": ["CRICKET"], "durationSeconds": 60, "start": "2026-12-14T17:30:00Z",
                         "end": "2026-12-14T09:30:00Z", "mediaUrl": "http://cdn.example/live.flv", "ageRating": "PG",
                         "availableFrom": "2026-12-10T00:00:00Z", "availableUntil": "2026-12-01T00:00:00Z",
                         "territories": ["IN", "QQ"]}
                        """)
                .then().spec(problem(400))
                .body("violations.field", containsInAnyOrder("title", "language", "durationSeconds", "end",
                        "mediaUrl", "mediaUrl", "availableUntil", "territories[1]"));
    }

    @Test
    void territoriesMustBeThePartnersOwn() {
        create(partner, programme("us-only", "US cut").replace("[\"KR\", \"JP\"]", "[\"KR\", \"US\"]"))
                .then().statusCode(400)
                .body("violations.field", contains("territories[1]"));
    }

    @Test
    void moderationFollowsTheLifecycleAndKeepsHistory() {
        String id = created("life-1");
        assertThat(approve(id).statusCode(), equalTo(409));
        assertThat(act(partner, id, "submit", "{}").<String>path("status"), equalTo("SUBMITTED"));
        assertThat(act(Tokens.admin(), id, "reject", "{}").statusCode(), equalTo(400));
        assertThat(verdict(id, "reject", reviewed(id), "{\"reason\": \"Audio out of sync\"}")
                .<String>path("reason"), equalTo("Audio out of sync"));
        assertThat(act(partner, id, "submit", "{}").<String>path("status"), equalTo("SUBMITTED"));
        assertThat(act(partner, id, "approve", "{}").statusCode(), equalTo(403));
        assertThat(approve(id).<String>path("status"), equalTo("APPROVED"));

        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/content/" + id).then().statusCode(200);

        // an approved item whose reviewed fields change goes back to moderation, its title as much as its duration
        patch(partner, id, "{\"title\": \"K-Pop Weekly: Best of\"}").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        approve(id);
        patch(partner, id, "{\"durationSeconds\": 5400}").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        approve(id);
        assertThat(act(partner, id, "retire", "{}").<String>path("status"), equalTo("RETIRED"));
        assertThat(act(partner, id, "submit", "{}").statusCode(), equalTo(409));

        given().auth().oauth2(partner).when().get("/api/v1/content/" + id + "/history")
                .then().statusCode(200)
                .body("action", contains("CREATED", "SUBMIT", "REJECT", "SUBMIT", "APPROVE", "RESUBMITTED_BY_EDIT",
                        "APPROVE", "RESUBMITTED_BY_EDIT", "APPROVE", "RETIRE"));
    }

    @Test
    void aStaleIfMatchIs412() {
        Response response = create(partner, programme("etag-1", "ETag"));
        String id = response.path("id");
        String etag = response.header("ETag");
        given().auth().oauth2(partner).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"title\": \"First\"}")
                .when().patch("/api/v1/content/" + id).then().statusCode(200);
        given().auth().oauth2(partner).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"title\": \"Second\"}")
                .when().patch("/api/v1/content/" + id).then().statusCode(412);
    }

    @Test
    void availabilityGivesEveryReason() {
        String id = created("avail-1");
        availability(partner, id, "2027-06-01T00:00:00Z", "IN")
                .then().statusCode(200)
                .body("available", equalTo(false))
                .body("reasons", containsInAnyOrder("NOT_APPROVED", "OUTSIDE_RIGHTS_WINDOW", "TERRITORY_NOT_LICENSED"));
        act(partner, id, "submit", "{}");
        approve(id);
        availability(Tokens.operator(), id, "2026-12-01T00:00:00Z", "KR")
                .then().statusCode(200)
                .body("available", equalTo(true))
                .body("reasons.size()", equalTo(0));
        availability(Tokens.operator(), id, "2027-03-01T00:00:00Z", "KR")
                .then().body("reasons", contains("OUTSIDE_RIGHTS_WINDOW"));
    }

    @Test
    void manyItemsAreAskedAboutInOneCall() {
        String approvedId = created("many-1");
        act(partner, approvedId, "submit", "{}");
        approve(approvedId).then().statusCode(200);
        String draftId = created("many-2");
        String unknownId = UUID.randomUUID().toString();
        String ids = "[\"%s\", \"%s\", \"%s\", \"%s\"]".formatted(approvedId, draftId, unknownId, approvedId);
        // an operator sees only what may be scheduled: the approved item, once, with the events it reflects
        // (submitted, approved; a draft is not announced)
        ContentApi.availabilities(Tokens.operator(), ids, "2026-12-01T00:00:00Z", "KR")
                .then().statusCode(200)
                .body("content.id", contains(approvedId))
                .body("[0].available", equalTo(true))
                .body("[0].reasons.size()", equalTo(0))
                .body("[0].sequence", equalTo(2))
                .body("[0].content.title", equalTo("K-Pop Weekly many-1"));
        ContentApi.availabilities(Tokens.admin(), ids, "2027-03-01T00:00:00Z", "IN")
                .then().statusCode(200)
                .body("content.id", containsInAnyOrder(approvedId, draftId))
                .body("find { it.content.id == '%s' }.reasons".formatted(draftId),
                        containsInAnyOrder("NOT_APPROVED", "OUTSIDE_RIGHTS_WINDOW", "TERRITORY_NOT_LICENSED"))
                .body("find { it.content.id == '%s' }.sequence".formatted(draftId), equalTo(0));
        // another partner learns nothing of these items
        ContentApi.availabilities(Tokens.partner(UUID.randomUUID()), ids, "2026-12-01T00:00:00Z", "KR")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void anAvailabilityQueryIsBoundedAndChecked() {
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(501, "\"" + UUID.randomUUID() + "\"")) + "]";
        ContentApi.availabilities(Tokens.operator(), tooMany, "2026-12-01T00:00:00Z", "KR").then().spec(problem(400))
                .body("violations.field", hasItem("ids"));
        ContentApi.availabilities(Tokens.operator(), "[]", "2026-12-01T00:00:00Z", "KR").then().spec(problem(400))
                .body("violations.field", hasItem("ids"));
        ContentApi.availabilities(Tokens.operator(), "[\"not-a-uuid\"]", "2026-12-01T00:00:00Z", "KR").then().spec(problem(400));
        ContentApi.availabilities(Tokens.operator(), "[null]", "2026-12-01T00:00:00Z", "Korea").then().spec(problem(400))
                .body("violations.field", hasItem("territory"));
        // one JSON value, each key once
        for (String body : List.of("{\"ids\": [\"%1$s\"], \"at\": \"2026-12-01T00:00:00Z\", \"territory\": \"KR\"}xyz",
                "{\"ids\": [\"%1$s\"], \"at\": \"2026-12-01T00:00:00Z\", \"territory\": \"KR\", \"territory\": \"JP\"}")) {
            given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(body.formatted(UUID.randomUUID()))
                    .when().post("/api/v1/content/availability")
                    .then().spec(problem(400));
        }
        // the single item's availability holds its instant to the same calendar
        availability(Tokens.operator(), UUID.randomUUID().toString(), "+10000-01-01T00:00:00Z", "KR").then().spec(problem(400));
        // an instant is text: a number (seconds since 1970, or one no instant holds) is not taken for one
        for (String number : List.of("1780000000", "18446744075489551616.0", "1e64")) {
            given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                    .body("{\"ids\": [\"%s\"], \"at\": %s, \"territory\": \"KR\"}".formatted(UUID.randomUUID(), number))
                    .when().post("/api/v1/content/availability")
                    .then().spec(problem(400));
        }
    }

    @Test
    void searchFiltersCombine() {
        String id = created("search-1");
        given().auth().oauth2(partner)
                .queryParam("kind", "PROGRAMME").queryParam("territory", "JP").queryParam("category", "KPOP")
                .queryParam("language", "ko").queryParam("availableAt", "2026-12-24T20:00:00Z").queryParam("q", "countdown")
                .when().get("/api/v1/content")
                .then().statusCode(200)
                .body("items.id", hasItem(id));
        given().auth().oauth2(partner).queryParam("availableAt", "2027-03-01T00:00:00Z").queryParam("q", "countdown")
                .when().get("/api/v1/content")
                .then().body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.operator()).queryParam("q", "countdown")
                .when().get("/api/v1/content")
                .then().body("items.id", not(hasItem(id)));
    }

    @Test
    void anotherPartnersItemIs404Everywhere() {
        String id = created("mine-1");
        String other = Tokens.partner(UUID.randomUUID());
        given().auth().oauth2(other).when().get("/api/v1/content/" + id).then().statusCode(404);
        given().auth().oauth2(other).when().get("/api/v1/content/" + id + "/history").then().statusCode(404);
        availability(other, id, "2026-12-24T00:00:00Z", "KR").then().statusCode(404);
        patch(other, id, "{\"title\": \"Hijacked\"}").then().statusCode(404);
        assertThat(act(other, id, "submit", "{}").statusCode(), equalTo(404));
        assertThat(act(other, id, "retire", "{}").statusCode(), equalTo(404));
        given().auth().oauth2(other).queryParam("q", "countdown").when().get("/api/v1/content")
                .then().body("items.id", not(hasItem(id)));
    }

    @Test
    void concurrentEditsNeverLoseAnAcknowledgedWrite() throws Exception {
        String id = created("race-1");
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String title = "Writer " + i;
                statuses.add(pool.submit(() -> patch(partner, id, "{\"title\": \"" + title + "\"}").statusCode()));
            }
            int acknowledged = 0;
            for (var status : statuses) {
                int code = status.get();
                assertThat(code == 200 || code == 409, equalTo(true));
                acknowledged += code == 200 ? 1 : 0;
            }
            // every acknowledged write is one version step: none was silently overwritten
            given().auth().oauth2(partner).when().get("/api/v1/content/" + id)
                    .then().body("version", equalTo(acknowledged));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void searchesSortAndPageStably() {
        for (String month : new String[] { "03", "01", "02" }) {
            create(partner, programme("sorted-" + month, "Sorted " + month).replace("2026-12-01T00:00:00Z", "2026-" + month + "-01T00:00:00Z"));
        }
        String next = given().auth().oauth2(partner).queryParam("sort", "-availableFrom").queryParam("limit", 2)
                .when().get("/api/v1/content")
                .then().statusCode(200)
                .body("items.externalId", contains("sorted-03", "sorted-02"))
                .extract().path("next");
        given().auth().oauth2(partner).queryParam("sort", "-availableFrom").queryParam("limit", 2).queryParam("next", next)
                .when().get("/api/v1/content")
                .then().body("items.externalId", contains("sorted-01"));
        given().auth().oauth2(partner).queryParam("sort", "title")
                .when().get("/api/v1/content")
                .then().body("items.title", contains("Sorted 01", "Sorted 02", "Sorted 03"));
        given().auth().oauth2(partner).queryParam("sort", "popularity")
                .when().get("/api/v1/content")
                .then().statusCode(400)
                .body("violations.field", contains("sort"));
    }

    @Test
    void everyOrderPagesThroughEachItemOnce() {
        for (String month : new String[] { "05", "01", "04", "02", "03" }) {
            create(partner, programme("order-" + month, "Order " + month).replace("2026-12-01T00:00:00Z", "2026-" + month + "-01T00:00:00Z"));
        }
        List<String> byMonth = List.of("order-01", "order-02", "order-03", "order-04", "order-05");
        List<String> byMonthDescending = List.of("order-05", "order-04", "order-03", "order-02", "order-01");
        for (String sort : new String[] { "id", "-id", "availableFrom", "-availableFrom", "updatedAt", "-updatedAt", "title", "-title" }) {
            List<String> whole = given().auth().oauth2(partner).queryParam("sort", sort).queryParam("limit", 50)
                    .when().get("/api/v1/content")
                    .then().statusCode(200)
                    .extract().path("items.externalId");
            List<String> paged = new ArrayList<>();
            String next = null;
            for (int pages = 0; pages < 10 && (pages == 0 || next != null); pages++) {
                RequestSpecification request = given().auth().oauth2(partner).queryParam("sort", sort).queryParam("limit", 2);
                Response page = (next == null ? request : request.queryParam("next", next)).when().get("/api/v1/content");
                page.then().statusCode(200);
                paged.addAll(page.path("items.externalId"));
                next = page.path("next");
            }
            assertThat(sort, paged, equalTo(whole));
            assertThat(sort, paged, containsInAnyOrder(byMonth.toArray()));
            if (sort.equals("availableFrom") || sort.equals("title")) {
                assertThat(sort, paged, equalTo(byMonth));
            } else if (sort.equals("-availableFrom") || sort.equals("-title")) {
                assertThat(sort, paged, equalTo(byMonthDescending));
            }
        }
    }

    @Test
    void searchesArePlannedForTheValuesOfEachCallInOneProcess() {
        Row settings = searches.query("SELECT current_setting('plan_cache_mode'), current_setting('max_parallel_workers_per_gather')")
                .execute().await().atMost(Duration.ofSeconds(30)).iterator().next();
        assertThat(settings.getString(0), equalTo("force_custom_plan"));
        assertThat(settings.getString(1), equalTo("0"));
    }
}

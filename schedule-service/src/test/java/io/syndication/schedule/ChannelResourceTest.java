package io.syndication.schedule;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Tokens;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
// the same resources as the other test classes, so that they share one start of the service
@WithTestResource(FakeContentServiceResource.class)
class ChannelResourceTest {

    private static String unique(String slug) {
        return slug + "-" + UUID.randomUUID().toString().substring(0, 8) + ".apac.example";
    }

    /** Posts {@code body}, of {@code type}, to create a channel as an operator; the answer, to assert on. */
    private static ValidatableResponse post(ContentType type, String body) {
        return given().auth().oauth2(Tokens.operator()).contentType(type).body(body).when().post("/api/v1/channels").then();
    }

    private static ExtractableResponse<Response> create(String slug) {
        return post(ContentType.JSON, """
                        {"slug": "%s", "name": "Asia Business News 24/7", "timeZone": "Asia/Singapore",
                         "territories": ["SG", "HK", "IN"]}
                        """.formatted(slug))
                .statusCode(201)
                .extract();
    }

    @Test
    void operatorCreatesAndReadsAChannel() {
        String slug = unique("news-247");
        ExtractableResponse<Response> created = create(slug);
        String id = created.path("id");
        org.hamcrest.MatcherAssert.assertThat(created.header("Location"), endsWith("/api/v1/channels/" + id));

        given().auth().oauth2(Tokens.admin())
                .when().get("/api/v1/channels/" + id)
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("slug", equalTo(slug))
                .body("timeZone", equalTo("Asia/Singapore"))
                .body("territories", containsInAnyOrder("SG", "HK", "IN"))
                .body("fillerContentIds.size()", equalTo(0))
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void aTakenSlugIsAConflict() {
        String slug = unique("cricket");
        create(slug);
        post(ContentType.JSON, """
                        {"slug": "%s", "name": "Cricket 24/7", "timeZone": "Asia/Kolkata", "territories": ["IN"]}
                        """.formatted(slug))
                .spec(problem(409))
                .body("detail", containsString(slug));
    }

    @Test
    void everyInvalidFieldIsListed() {
        post(ContentType.JSON, """
                        {"slug": "Not A Slug!", "name": " ", "timeZone": "Mars/Olympus", "territories": ["SG", "XX", "hk"]}
                        """)
                .spec(problem(400))
                .body("violations.field", containsInAnyOrder("slug", "name", "timeZone", "territories[1]", "territories[2]"));
    }

    @Test
    void malformedJsonIsAReadable400() {
        post(ContentType.JSON, "{\"slug\": \"x\", \"name\": ")
                .spec(problem(400))
                .body("detail", containsString("not well-formed JSON"))
                .body("detail", not(containsString("com.fasterxml")))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void aValueOfTheWrongShapeNamesTheField() {
        post(ContentType.JSON, """
                        {"slug": "x.example", "name": "X", "timeZone": "UTC", "territories": "SG", "fillerContentIds": ["nope"]}
                        """)
                .spec(problem(400))
                .body("detail", containsString("'territories'"))
                .body("detail", not(containsString("java.")));
    }

    @Test
    void anotherMediaTypeIs415() {
        post(ContentType.TEXT, "news")
                .spec(problem(415))
                .body("status", equalTo(415));
    }

    @Test
    void aStaleIfMatchIs412AndTheCurrentOneUpdates() {
        ExtractableResponse<Response> created = create(unique("kpop"));
        String id = created.path("id");
        String etag = created.header("ETag");

        String newEtag = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"name\": \"K-Pop Weekly 24/7\", \"territories\": [\"KR\", \"JP\"]}")
                .when().patch("/api/v1/channels/" + id)
                .then().statusCode(200)
                .body("name", equalTo("K-Pop Weekly 24/7"))
                .body("territories", containsInAnyOrder("KR", "JP"))
                .body("timeZone", equalTo("Asia/Singapore"))
                .extract().header("ETag");
        org.hamcrest.MatcherAssert.assertThat(newEtag, not(equalTo(etag)));

        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body("{\"name\": \"Overwritten\"}")
                .when().patch("/api/v1/channels/" + id)
                .then().spec(problem(412))
                .body("status", equalTo(412));
    }

    @Test
    void aChannelHealsByFillingUnlessItSaysToFlag() {
        String id = create(unique("healing")).path("id");
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/channels/" + id)
                .then().statusCode(200).body("healing", equalTo("FILL"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"healing\": \"FLAG\"}")
                .when().patch("/api/v1/channels/" + id)
                .then().statusCode(200).body("healing", equalTo("FLAG")).body("name", equalTo("Asia Business News 24/7"));
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"healing\": \"IGNORE\"}")
                .when().patch("/api/v1/channels/" + id)
                .then().spec(problem(400));
        post(ContentType.JSON, """
                        {"slug": "%s", "name": "Flagged", "timeZone": "Asia/Tokyo", "territories": ["JP"], "healing": "FLAG"}
                        """.formatted(unique("flagged")))
                .statusCode(201).body("healing", equalTo("FLAG"));
    }

    @Test
    void listsChannelsInPages() {
        create(unique("esports-a"));
        create(unique("esports-b"));
        String next = given().auth().oauth2(Tokens.operator())
                .queryParam("limit", 1)
                .when().get("/api/v1/channels")
                .then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("next", notNullValue())
                .extract().path("next");
        given().auth().oauth2(Tokens.operator())
                .queryParam("limit", 1).queryParam("next", next)
                .when().get("/api/v1/channels")
                .then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void partnersMayNotRunChannels() {
        given().auth().oauth2(Tokens.partner(UUID.randomUUID()))
                .when().get("/api/v1/channels")
                .then().spec(problem(403));
        given().when().get("/api/v1/channels")
                .then().spec(problem(401))
                .body("type", containsString("/problems/unauthorized"));
    }

    @Test
    void unknownChannelIs404() {
        given().auth().oauth2(Tokens.operator())
                .when().get("/api/v1/channels/" + UUID.randomUUID())
                .then().spec(problem(404))
                .body("violations", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void openApiDescribesTheChannelOperations() {
        given().queryParam("format", "json")
                .when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/api/v1/channels'.post.operationId", equalTo("createChannel"))
                .body("paths.'/api/v1/channels/{id}'.patch.operationId", equalTo("updateChannel"))
                .body("paths.'/api/v1/channels/{channelId}/heals'.get.operationId", equalTo("listHeals"))
                .body("components.schemas.HealingPolicy.enum", containsInAnyOrder("FILL", "FLAG"));
    }

    @Test
    void ofRacingCreatesOfOneSlugExactlyOneWins() throws Exception {
        String slug = unique("race");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> statuses = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(pool.submit(() -> given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                        .body("{\"slug\": \"" + slug + "\", \"name\": \"Race\", \"timeZone\": \"UTC\", \"territories\": [\"SG\"]}")
                        .when().post("/api/v1/channels").then().extract().statusCode()));
            }
            java.util.List<Integer> codes = new java.util.ArrayList<>();
            for (var status : statuses) {
                codes.add(status.get());
            }
            org.hamcrest.MatcherAssert.assertThat(codes.stream().filter(code -> code == 201).count(), equalTo(1L));
            org.hamcrest.MatcherAssert.assertThat(codes.stream().filter(code -> code == 409).count(), equalTo(5L));
        } finally {
            pool.shutdownNow();
        }
    }
}

package io.syndication.schedule;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Tokens;

/**
 * The packaged service (the jar here, the native executable where one was built) serves its API, its
 * event consumers pointed at a broker that is not there (profile it).
 */
@QuarkusIntegrationTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeContentServiceResource.class)
@WithTestResource(FreeManagementPort.class)
class ScheduleServiceIT {

    @Test
    void thePackagedServiceKeepsAChannelAndPublishesItsGuide() {
        String slug = "it-" + UUID.randomUUID().toString().substring(0, 8) + ".sg.example";
        String id = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"slug\": \"" + slug + "\", \"name\": \"Packaged\", \"timeZone\": \"Asia/Singapore\", \"territories\": [\"SG\"]}")
                .when().post("/api/v1/channels").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/channels/" + id).then().statusCode(200)
                .body("slug", equalTo(slug));
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/epg.xml?channel=" + slug).then().statusCode(200)
                .contentType(containsString("xml"))
                .body(containsString("<tv"));
        given().auth().oauth2(Tokens.partner(UUID.randomUUID())).when().get("/api/v1/channels").then().spec(problem(403));
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/channels/" + id + "/heals").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }

    @Test
    void aBrokerOutOfReachLeavesTheServiceLiveAndReady() {
        given().when().get(FreeManagementPort.root() + "health/ready").then().statusCode(200);
        given().when().get(FreeManagementPort.root() + "health/live").then().statusCode(200).body(containsString("content"));
    }
}

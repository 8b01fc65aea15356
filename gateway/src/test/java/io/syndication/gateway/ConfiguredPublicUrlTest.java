package io.syndication.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.syndication.testing.Tokens;

/** gateway.public-url set: the gateway's links name it, whatever a request says. */
@QuarkusTest
@TestProfile(ConfiguredPublicUrlTest.PublicUrl.class)
class ConfiguredPublicUrlTest {

    public static class PublicUrl extends EchoUpstreamProfile {
        public PublicUrl() {
            super(Map.of("gateway.public-url", "https://api.syndication.example/platform/"));
        }
    }

    @Test
    void aLocationNamingTheUpstreamNamesThePublicUrl() {
        given().auth().oauth2(Tokens.operator()).header("Host", "gateway.internal:8080")
                .when().post("/api/v1/channels/created")
                .then().statusCode(201)
                .header("Location", equalTo("https://api.syndication.example/platform/api/v1/channels/42?view=full"))
                .header("Content-Location", equalTo("https://api.syndication.example/platform/api/v1/channels/42"));
    }

    @Test
    void theMergedOpenApiNamesThePublicUrlAsServer() {
        given().when().get("/openapi")
                .then().statusCode(200)
                .body("servers[0].url", equalTo("https://api.syndication.example/platform"));
    }
}

package io.syndication.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.syndication.testing.Tokens;

/**
 * A deployment's public addresses set (gateway.public-url, gateway.token-url, platform.problems.type-base):
 * the gateway's links, its OpenAPI document and its problems name them, whatever a request says.
 */
@QuarkusTest
@TestProfile(ConfiguredPublicUrlTest.PublicUrl.class)
class ConfiguredPublicUrlTest {

    static final String TOKEN_URL = "https://login.syndication.example/realms/syndication/protocol/openid-connect/token";
    static final String PROBLEMS = "https://api.syndication.example/platform/problems/";

    public static class PublicUrl extends EchoUpstreamProfile {
        public PublicUrl() {
            super(Map.of("gateway.public-url", "https://api.syndication.example/platform/",
                    "gateway.token-url", TOKEN_URL,
                    "platform.problems.type-base", PROBLEMS));
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
    void theOpenApiDocumentNamesThePublicUrlTheTokenUrlAndTheProblemTypesOfThisDeployment() {
        given().when().get("/openapi")
                .then().statusCode(200)
                .body("servers[0].url", equalTo("https://api.syndication.example/platform"))
                .body("components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl", equalTo(TOKEN_URL))
                .body("components.responses.ServiceUnavailable.content.'application/problem+json'.examples."
                        + "'upstream-unavailable'.value.type", equalTo(PROBLEMS + "upstream-unavailable"))
                .body(containsString("\"" + PROBLEMS + "not-found\""));
    }

    @Test
    void aProblemsTypeIsThisGatewaysPageForIt() {
        // content-service is unreachable here
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/content")
                .then().statusCode(503)
                .header("Retry-After", notNullValue())
                .body("type", equalTo(PROBLEMS + "upstream-unavailable"));
        given().auth().oauth2(Tokens.admin()).when().get("/nowhere")
                .then().statusCode(404)
                .body("type", equalTo(PROBLEMS + "not-found"));
        given().accept("application/json").when().get("/problems/upstream-unavailable")
                .then().statusCode(200)
                .body("type", equalTo(PROBLEMS + "upstream-unavailable"));
        given().header("Host", "gateway.internal:8080").when().get("/problems")
                .then().statusCode(200)
                .body(containsString("<a href=\"" + PROBLEMS + "upstream-unavailable\">"));
    }
}

package io.syndication.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** GET /openapi with every service unreachable: the contract built into the gateway, whole. */
@QuarkusTest
@TestProfile(PlatformOpenApiTest.EveryUpstreamDown.class)
class PlatformOpenApiTest {

    static final String TOKEN_URL = "https://login.syndication.example/realms/syndication/protocol/openid-connect/token";

    public static class EveryUpstreamDown implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>();
            for (String service : List.of("partner-service", "content-service", "schedule-service")) {
                String nowhere = "http://127.0.0.1:" + EchoUpstreamResource.closedPort();
                config.put("gateway.upstreams." + service + ".url", nowhere);
                config.put("gateway.upstreams." + service + ".management-url", nowhere);
            }
            config.put("gateway.token-url", TOKEN_URL);
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class));
        }
    }

    @Test
    void theWholeContractIsServedWhileEveryServiceIsDown() {
        // down indeed: a public route of partner-service
        given().when().get("/api/v1/applications/agreement").then().statusCode(503);
        given().when().get("/openapi")
                .then().statusCode(200)
                .contentType("application/json")
                .body("paths.'/api/v1/applications'.post.operationId", equalTo("applyAsPartner"))
                .body("paths.'/api/v1/content/batch'.post.operationId", equalTo("batchContent"))
                .body("paths.'/api/v1/channels'.post.operationId", equalTo("createChannel"))
                .body("info.version", not(equalTo("1.0.0")))
                .body("$", not(hasKey("x-unavailable-services")))
                .body("components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl", equalTo(TOKEN_URL));
        given().queryParam("format", "yaml").when().get("/openapi")
                .then().statusCode(200)
                .contentType("application/yaml")
                .body(containsString("/api/v1/epg.xml:"), containsString("tokenUrl: \"" + TOKEN_URL + "\""));
    }

    @Test
    void eachCallerIsServedTheContractWithTheGatewayAsItReachesIt() {
        // no gateway.public-url here: each request's own origin
        given().header("Host", "gateway.one.example").when().get("/openapi")
                .then().statusCode(200).body("servers[0].url", equalTo("http://gateway.one.example"));
        given().header("Host", "gateway.two.example:8443").when().get("/openapi")
                .then().statusCode(200).body("servers[0].url", equalTo("http://gateway.two.example:8443"));
    }

    @Test
    void swaggerUiShowsTheContract() {
        given().when().get("/q/swagger-ui/").then().statusCode(200).body(containsString("/openapi"));
    }
}

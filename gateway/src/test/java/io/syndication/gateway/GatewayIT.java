package io.syndication.gateway;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.syndication.testing.Tokens;

/**
 * The packaged gateway (the jar here, the native executable where one was built) in front of the echo
 * upstream, content-service unreachable: it forwards, isolates the failure and serves the contract.
 */
@QuarkusIntegrationTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(EchoUpstreamResource.class)
class GatewayIT {

    @Test
    void thePackagedGatewayForwardsIsolatesAFailureAndServesTheContract() {
        given().auth().oauth2(Tokens.partner(UUID.randomUUID())).when().get("/api/v1/partners/me").then().statusCode(200)
                .body("method", equalTo("GET"));
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/content").then().spec(problem(503));
        given().when().get("/api/v1/partners").then().spec(problem(401));
        given().when().get("/openapi").then().statusCode(200).body("paths", hasKey("/api/v1/content"));
        given().when().get("/asyncapi").then().statusCode(200).contentType("application/yaml")
                .body(containsString("asyncapi: 3.0.0"));
        given().when().get("/problems/rate-limited").then().statusCode(200).contentType(containsString("text/html"));
    }
}

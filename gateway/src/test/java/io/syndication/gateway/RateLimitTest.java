package io.syndication.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.syndication.testing.Tokens;

@QuarkusTest
@TestProfile(RateLimitTest.TinyLimits.class)
class RateLimitTest {

    /** Limits small enough to reach in a test. */
    public static class TinyLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limits.roles.partner.requests", "3",
                    "gateway.rate-limits.anonymous.requests", "2",
                    "gateway.rate-limits.applications.requests", "1");
        }
    }

    @Test
    void aPartnerClientGetsItsOwnBucketAndA429WhenItIsEmpty() {
        String partner = Tokens.partner(UUID.randomUUID());
        for (int remaining = 2; remaining >= 0; remaining--) {
            given().auth().oauth2(partner).when().get("/api/v1/partners/me")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", equalTo("3"))
                    .header("RateLimit-Remaining", equalTo(Integer.toString(remaining)));
        }
        given().auth().oauth2(partner).when().get("/api/v1/partners/me")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", equalTo("0"))
                .body("detail", containsString("3 requests per 60 s"));
        // another partner's client is not affected
        given().auth().oauth2(Tokens.partner(UUID.randomUUID())).when().get("/api/v1/partners/me")
                .then().statusCode(200);
    }

    @Test
    void anonymousCallersAreLimitedByAddressAndApplicationsMoreStrictly() {
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/applications")
                .then().statusCode(200);
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/applications")
                .then().statusCode(429)
                .header("RateLimit-Limit", equalTo("1"));
        given().when().get("/api/v1/applications/agreement").then().statusCode(200).header("RateLimit-Limit", equalTo("2"));
        given().when().get("/api/v1/applications/agreement").then().statusCode(200);
        given().when().get("/api/v1/applications/agreement").then().statusCode(429);
    }
}

package io.syndication.gateway;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import io.syndication.testing.Tokens;

@QuarkusTest
@TestProfile(RateLimitTest.TinyLimits.class)
class RateLimitTest {

    /** Limits small enough to reach in a test. */
    public static class TinyLimits extends EchoUpstreamProfile {
        public TinyLimits() {
            super(Map.of("gateway.rate-limits.roles.partner.requests", "3",
                    "gateway.rate-limits.roles.channel-operator.requests", "2",
                    "gateway.rate-limits.anonymous.requests", "2",
                    "gateway.rate-limits.applications.requests", "1"));
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
                .then().spec(problem(429))
                .header("Retry-After", notNullValue())
                .header("RateLimit-Remaining", equalTo("0"))
                .body("detail", containsString("3 requests per 60 s"));
        // another partner's client is not affected
        given().auth().oauth2(Tokens.partner(UUID.randomUUID())).when().get("/api/v1/partners/me")
                .then().statusCode(200);
    }

    @Test
    void eachPersonSignedInToTheConsoleHasABucketOfTheirOwn() {
        String first = consoleToken("first-operator");
        given().auth().oauth2(first).when().get("/api/v1/channels").then().statusCode(200).header("RateLimit-Remaining", "1");
        given().auth().oauth2(first).when().get("/api/v1/channels").then().statusCode(200).header("RateLimit-Remaining", "0");
        given().auth().oauth2(first).when().get("/api/v1/channels").then().spec(problem(429));
        // the same client, another person
        given().auth().oauth2(consoleToken("second-operator")).when().get("/api/v1/channels")
                .then().statusCode(200).header("RateLimit-Remaining", "1");
    }

    /** A token the console's public client got for a person who signed in. */
    private static String consoleToken(String person) {
        return Jwt.issuer(Tokens.ISSUER).subject(person).audience(Tokens.AUDIENCE).claim("azp", "console")
                .claim("realm_access", Map.of("roles", List.of("channel-operator"))).expiresIn(Duration.ofMinutes(5)).sign();
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

    @Test
    void anotherSpellingOfTheApplicationPathIsRefusedAndAnyPathBelowItHasItsLimit() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String spelling : List.of("//api/v1/applications", "/api/v1/%61pplications", "/api/v1/./applications",
                "/api/v1/x/../applications", "/api//v1/applications")) {
            // sent as written: RestAssured would tidy the path
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + spelling))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
            HttpResponse<String> refused = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(spelling, refused.statusCode(), equalTo(400));
            assertThat(refused.headers().firstValue("Content-Type").orElse(""), equalTo("application/problem+json"));
            assertThat(refused.body(), containsString("send it as /api/v1/applications"));
        }
        // partner-service takes a trailing slash for the same endpoint; whether or not the bucket is empty yet
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/applications/")
                .then().statusCode(anyOf(equalTo(200), equalTo(429)))
                .header("RateLimit-Limit", equalTo("1"));
    }
}

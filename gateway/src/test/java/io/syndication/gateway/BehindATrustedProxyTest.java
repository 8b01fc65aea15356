package io.syndication.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.syndication.testing.Tokens;

/** The tests' own address is a trusted proxy here: its X-Forwarded-For, -Proto and -Host are believed. */
@QuarkusTest
@TestProfile(BehindATrustedProxyTest.LoopbackIsTheProxy.class)
class BehindATrustedProxyTest {

    public static class LoopbackIsTheProxy extends EchoUpstreamProfile {
        public LoopbackIsTheProxy() {
            super(Map.of("gateway.trusted-proxies", "10.0.0.0/8,127.0.0.0/8,::1",
                    "gateway.rate-limits.anonymous.requests", "2"));
        }
    }

    @Test
    void eachCallerBehindTheProxyHasItsOwnBucketWhateverItWroteItself() {
        for (int remaining = 1; remaining >= 0; remaining--) {
            given().header("X-Forwarded-For", "198.51.100.7").when().get("/api/v1/applications/agreement")
                    .then().statusCode(200)
                    .header("RateLimit-Remaining", equalTo(Integer.toString(remaining)));
        }
        // an address the caller wrote before the one the proxies saw changes nothing
        given().header("X-Forwarded-For", "198.51.100.8, 198.51.100.7").when().get("/api/v1/applications/agreement")
                .then().statusCode(429);
        // another caller, reaching the gateway through two trusted proxies
        given().header("X-Forwarded-For", "198.51.100.8, 10.1.2.3").when().get("/api/v1/applications/agreement")
                .then().statusCode(200)
                .header("RateLimit-Remaining", equalTo("1"));
    }

    @Test
    void aLocationNamesTheGatewayAsTheProxyReportsIt() {
        given().auth().oauth2(Tokens.operator())
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.syndication.example")
                .when().post("/api/v1/channels/created")
                .then().statusCode(201)
                .header("Location", equalTo("https://api.syndication.example/api/v1/channels/42?view=full"));
        // and the upstream is told the same
        given().auth().oauth2(Tokens.operator())
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "api.syndication.example")
                .when().get("/api/v1/channels")
                .then().statusCode(200)
                .body("headers.x-forwarded-proto", equalTo("https"))
                .body("headers.x-forwarded-host", equalTo("api.syndication.example"));
    }
}

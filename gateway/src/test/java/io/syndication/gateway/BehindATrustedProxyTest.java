package io.syndication.gateway;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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
    void a401CarriesTheRateLimitOfItsCallersAddressAndTakesNothingFromIt() {
        String caller = "198.51.100.20";
        given().header("X-Forwarded-For", caller).when().get("/api/v1/channels")
                .then().spec(problem(401))
                .header("RateLimit-Limit", equalTo("2"))
                .header("RateLimit-Remaining", equalTo("2"))
                .header("RateLimit-Reset", equalTo("0"));
        given().header("X-Forwarded-For", caller).auth().oauth2("garbage").when().get("/api/v1/channels")
                .then().spec(problem(401))
                .header("RateLimit-Remaining", equalTo("2"));
        // the caller's anonymous requests draw on that bucket, which the 401s left full
        given().header("X-Forwarded-For", caller).when().get("/api/v1/applications/agreement")
                .then().statusCode(200)
                .header("RateLimit-Remaining", equalTo("1"));
        given().header("X-Forwarded-For", caller).auth().oauth2(Tokens.expired()).when().get("/api/v1/partners")
                .then().spec(problem(401))
                .header("RateLimit-Limit", equalTo("2"))
                .header("RateLimit-Remaining", equalTo("1"))
                .header("RateLimit-Reset", not(equalTo("0")));
        // outside the API nothing is limited, and a 401 there names no bucket
        given().header("X-Forwarded-For", caller).when().get("/q/metrics")
                .then().spec(problem(401))
                .header("RateLimit-Limit", nullValue());
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

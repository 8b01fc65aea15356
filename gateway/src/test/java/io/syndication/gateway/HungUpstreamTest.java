package io.syndication.gateway;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.syndication.testing.Tokens;
import io.vertx.core.Vertx;

/**
 * content-service frozen: it accepts connections and never answers. Each route's silence is bounded,
 * and the silence of requests that should be fast opens the circuit; a tenant's long writes alone do not.
 */
@QuarkusTest
@TestProfile(HungUpstreamTest.HungContentService.class)
class HungUpstreamTest {

    /** content-service on a free port; bounds short enough for a test, a circuit that stays open while it is looked at. */
    public static class HungContentService extends EchoUpstreamProfile {
        public HungContentService() {
            super(upstream("content-service", EchoUpstreamResource.closedPort(), Map.of("response-timeout", "1s",
                    "long-write-timeout", "2s", "breaker-failures", "3", "breaker-reset", "10s")));
        }
    }

    @ConfigProperty(name = "gateway.upstreams.content-service.url")
    URI contentService;

    @Test
    void readsThatTimeOutOpenTheCircuitWhichAStopsCallingTheUpstreamUntilItRecovers() throws Exception {
        String admin = Tokens.admin();
        try (FrozenUpstream upstream = FrozenUpstream.at(contentService.getPort())) {
            for (int timeout = 0; timeout < 3; timeout++) {
                given().auth().oauth2(admin).when().get("/api/v1/content")
                        .then().spec(problem(504))
                        .header("Retry-After", equalTo("10"))
                        .body("detail", containsString("did not answer within 1 s"));
            }
            assertThat(upstream.requests.get(), equalTo(3));

            // three timeouts opened the circuit: answered at once, and the upstream not called
            given().auth().oauth2(admin).when().get("/api/v1/content")
                    .then().spec(problem(503))
                    .header("Retry-After", equalTo("10"))
                    .body("detail", containsString("not being called"));
            assertThat(upstream.requests.get(), equalTo(3));

            upstream.recovers();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    given().auth().oauth2(admin).when().get("/api/v1/content").then().extract().statusCode() == 200);
        }
    }

    @Test
    void aCallerWhoseBodyStallsIsTheCallersFaultAndDoesNotOpenTheCircuit() throws Exception {
        String partner = Tokens.partner(UUID.randomUUID());
        try (FrozenUpstream upstream = FrozenUpstream.at(contentService.getPort())) {
            // more stalled uploads than open the circuit: each declares 100 bytes and sends 10
            for (int stalled = 1; stalled <= 4; stalled++) {
                try (Socket caller = new Socket("127.0.0.1", RestAssured.port)) {
                    caller.setSoTimeout(60_000);
                    caller.getOutputStream().write(("POST /api/v1/content/availability HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: Bearer " + partner + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 100\r\n\r\n{\"ids\": [").getBytes(StandardCharsets.US_ASCII));
                    caller.getOutputStream().flush();
                    String answer = new BufferedReader(new InputStreamReader(caller.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
                    assertThat(answer, startsWith("HTTP/1.1 400"));
                }
            }
            // the circuit is still closed: a read reaches the upstream (and times out there)
            int before = upstream.requests.get();
            given().auth().oauth2(Tokens.admin()).when().get("/api/v1/content")
                    .then().spec(problem(504));
            assertThat(upstream.requests.get(), equalTo(before + 1));
            // an answer closes the count of failures again, for the other tests of this upstream
            upstream.recovers();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                    given().auth().oauth2(Tokens.admin()).when().get("/api/v1/content").then().extract().statusCode() == 200);
        }
    }

    @Test
    void aTenantsLongWritesGetTheirOwnBoundAndTheirTimeoutsDoNotOpenTheCircuit() throws Exception {
        String partner = Tokens.partner(UUID.randomUUID());
        try (FrozenUpstream upstream = FrozenUpstream.at(contentService.getPort())) {
            for (int timeout = 1; timeout <= 4; timeout++) {
                given().auth().oauth2(partner).contentType(ContentType.JSON).body("{\"items\": []}")
                        .when().post("/api/v1/content/batch")
                        .then().spec(problem(504))
                        .body("detail", containsString("did not answer within 2 s"));
                // more long-write timeouts than open the circuit for reads, and each still reached the upstream
                assertThat(upstream.requests.get(), equalTo(timeout));
            }
        }
    }

    /** Accepts every request and never answers one, until it recovers; counts the requests that reach it. */
    private static final class FrozenUpstream implements AutoCloseable {

        final AtomicInteger requests = new AtomicInteger();
        private final AtomicBoolean recovered = new AtomicBoolean();
        private final Vertx vertx = Vertx.vertx();

        static FrozenUpstream at(int port) throws Exception {
            FrozenUpstream upstream = new FrozenUpstream();
            upstream.vertx.createHttpServer().requestHandler(request -> {
                upstream.requests.incrementAndGet();
                if (upstream.recovered.get()) {
                    request.response().putHeader("Content-Type", "application/json").end("{\"items\": [], \"next\": null}");
                }
            }).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return upstream;
        }

        void recovers() {
            recovered.set(true);
        }

        @Override
        public void close() throws Exception {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}

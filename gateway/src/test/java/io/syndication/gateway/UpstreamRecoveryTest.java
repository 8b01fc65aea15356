package io.syndication.gateway;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.syndication.testing.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/** An upstream that is down, then comes back: 503s, an open circuit, then recovery. */
@QuarkusTest
@TestProfile(UpstreamRecoveryTest.DownUpstream.class)
class UpstreamRecoveryTest {

    /** partner-service on a port where nothing listens yet; a circuit that opens and probes quickly. */
    public static class DownUpstream extends EchoUpstreamProfile {
        public DownUpstream() {
            super(upstream("partner-service", EchoUpstreamResource.closedPort(),
                    Map.of("breaker-failures", "2", "breaker-reset", "1s")));
        }
    }

    @ConfigProperty(name = "gateway.upstreams.partner-service.url")
    URI partnerService;

    @Test
    void aDownUpstreamIsA503ThatOpensTheCircuitAndRecoversWhenItReturns() throws Exception {
        String admin = Tokens.admin();
        // behaviour, not timing: how fast a refused connection answers is the benchmark's business
        for (int attempt = 0; attempt < 3; attempt++) {
            given().auth().oauth2(admin).when().get("/api/v1/partners")
                    .then().statusCode(503)
                    .header("Retry-After", notNullValue())
                    .contentType("application/problem+json");
        }
        // two failures opened the circuit: the third answer came without calling the upstream
        given().auth().oauth2(admin).when().get("/api/v1/partners")
                .then().statusCode(503).body("detail", containsString("not being called"));
        // other routes keep working meanwhile
        given().auth().oauth2(admin).when().get("/api/v1/channels").then().statusCode(200);

        Vertx vertx = Vertx.vertx();
        try {
            HttpServer upstream = vertx.createHttpServer()
                    .requestHandler(request -> request.response().putHeader("Content-Type", "application/json")
                            .end("{\"items\": [], \"next\": null}"));
            upstream.listen(partnerService.getPort(), "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                    given().auth().oauth2(admin).when().get("/api/v1/partners").then().extract().statusCode() == 200);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}

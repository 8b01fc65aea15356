package io.syndication.gateway;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.syndication.testing.RawHttp;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.syndication.testing.Tokens;
import io.vertx.core.Vertx;

/**
 * A body over its upstream's limit is the gateway's own 413 problem, whether it declares its length or
 * streams in chunks; the upstream never sees it past its limit (a service would cut it off there, which
 * the circuit would take for the service failing), so that one tenant's big uploads open no circuit for
 * everyone.
 */
@QuarkusTest
@TestProfile(OversizedUploadTest.SmallContentService.class)
class OversizedUploadTest {

    /** content-service on a free port with a 64 KiB limit, and a circuit that two failures would open. */
    public static class SmallContentService extends EchoUpstreamProfile {
        public SmallContentService() {
            super(upstream("content-service", EchoUpstreamResource.closedPort(), Map.of("max-body-size", "64K",
                    "breaker-failures", "2", "breaker-reset", "10s")));
        }
    }

    private static final int LIMIT = 64 * 1024;
    private static final String UPLOAD = "POST /api/v1/content/availability HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nAuthorization: Bearer ";

    @ConfigProperty(name = "gateway.upstreams.content-service.url")
    URI contentService;

    @Test
    void chunkedUploadsOverTheLimitAreThe413sOfTheGatewayAndOpenNoCircuit() throws Exception {
        String admin = Tokens.admin();
        try (CuttingUpstream upstream = CuttingUpstream.at(contentService.getPort())) {
            ExecutorService callers = Executors.newFixedThreadPool(6);
            try {
                List<Future<List<String>>> uploads = new ArrayList<>();
                for (int caller = 0; caller < 6; caller++) {
                    uploads.add(callers.submit(() -> chunkedUpload(admin, 1024 * 1024)));
                }
                for (Future<List<String>> upload : uploads) {
                    List<String> answer = upload.get(60, TimeUnit.SECONDS);
                    assertThat(answer.get(0), startsWith("HTTP/1.1 413"));
                    assertThat(answer, hasItem("content-type: application/problem+json"));
                    assertThat(answer.get(answer.size() - 1), containsString("/content-too-large"));
                    assertThat(answer.get(answer.size() - 1), containsString("65536 bytes (64 KiB)"));
                }
            } finally {
                callers.shutdownNow();
            }
            // the upstream never had a body past its limit to cut off
            assertThat(upstream.cut.get(), equalTo(0));
            assertThat(upstream.received, everyItem(lessThanOrEqualTo((long) LIMIT)));

            // and its circuit is closed: a body within the limit, chunked too, reaches it whole
            List<String> within = chunkedUpload(admin, LIMIT);
            assertThat(within.get(0), startsWith("HTTP/1.1 200"));
            assertThat(within.get(within.size() - 1), containsString("\"bodyLength\":" + LIMIT));
        }
    }

    @Test
    void aBodyDeclaredOverTheLimitIsThe413OfTheGatewayWithoutCallingTheUpstream() throws Exception {
        try (CuttingUpstream upstream = CuttingUpstream.at(contentService.getPort())) {
            given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("[\"" + "x".repeat(LIMIT) + "\"]")
                    .when().post("/api/v1/content/availability")
                    .then().spec(problem(413))
                    .header("Connection", equalTo("close"))
                    .body("type", endsWith("/content-too-large"))
                    .body("title", equalTo("Content Too Large"))
                    .body("instance", equalTo("/api/v1/content/availability"));
            assertThat(upstream.requests.get(), equalTo(0));
        }
    }

    /**
     * A chunked upload of {@code size} bytes, sent whole before its answer is read, as most clients do;
     * the answer's status line, headers (lower case) and body, read until the gateway closes the connection
     * or, for an answer within the limit, until its body is in.
     */
    private static List<String> chunkedUpload(String token, int size) throws IOException {
        try (Socket caller = new Socket("127.0.0.1", RestAssured.port)) {
            caller.setSoTimeout(30_000);
            OutputStream out = caller.getOutputStream();
            out.write((UPLOAD + token + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = ("2000\r\n" + "x".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent < size; sent += 0x2000) {
                out.write(chunk);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return RawHttp.answer(caller);
        }
    }

    /**
     * An upstream with content-service's limit: it counts each body as it comes and, as a service does,
     * closes the connection under one that goes past the limit; it answers a body within it with its size.
     */
    private static final class CuttingUpstream implements AutoCloseable {

        final AtomicInteger requests = new AtomicInteger();
        final AtomicInteger cut = new AtomicInteger();
        final ConcurrentLinkedQueue<Long> received = new ConcurrentLinkedQueue<>();
        private final Vertx vertx = Vertx.vertx();

        static CuttingUpstream at(int port) throws Exception {
            CuttingUpstream upstream = new CuttingUpstream();
            upstream.vertx.createHttpServer().requestHandler(request -> {
                upstream.requests.incrementAndGet();
                long[] length = { 0 };
                request.handler(chunk -> {
                    length[0] += chunk.length();
                    if (length[0] > LIMIT) {
                        upstream.cut.incrementAndGet();
                        request.connection().close();
                    }
                });
                request.endHandler(end -> {
                    upstream.received.add(length[0]);
                    request.response().putHeader("Content-Type", "application/json")
                            .end("{\"bodyLength\":" + length[0] + "}");
                });
                request.exceptionHandler(failure -> upstream.received.add(length[0]));
            }).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return upstream;
        }

        @Override
        public void close() throws Exception {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}

package io.syndication.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/**
 * A real HTTP upstream for the gateway's tests: it answers every request with what it received
 * (method, path, headers, body size), except paths ending in /slow, which it answers too late,
 * paths ending in /closes-once, which drop the connection unanswered the first time a request id
 * comes (as an upstream closing a pooled keep-alive connection does), /chunked, which answers in
 * chunks of unknown total length, /held, which answers "first," in a chunk and holds the rest until
 * {@link #releaseHeld()}, /created, which answers 201 with a Location and Content-Location naming
 * itself by the Host it was called by (as a service does), /moved, which answers 301 to another
 * host, /trickle, which sends one chunk every 100 ms for 5 s (and counts in {@link #ABANDONED} the
 * answers whose connection was dropped before the end), and
 * partner-service's /me,
 * which answers as partner-service would: ACTIVE, or 403 for the
 * partner ids of {@link #SUSPENDED_PARTNER}'s kind. partner-service and schedule-service point at
 * it; content-service points at a port where nothing listens.
 */
public class EchoUpstreamResource implements QuarkusTestResourceLifecycleManager {

    /** Partner ids ending like this one are suspended. */
    static final String SUSPENDED_PARTNER = "6f1c7f4e-1a52-4c7e-9d0b-000000000403";

    /** /trickle answers whose caller's call was dropped half-way. */
    static final AtomicInteger ABANDONED = new AtomicInteger();

    /** /held answers waiting for the rest of their body. */
    private static final Queue<HttpServerResponse> HELD = new ConcurrentLinkedQueue<>();

    private final Set<String> closedOnce = ConcurrentHashMap.newKeySet();
    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (request.path().endsWith("/closes-once") && closedOnce.add(request.getHeader("X-Request-Id"))) {
                request.connection().close();
                return;
            }
            if (request.path().endsWith("/chunked")) {
                request.response().setChunked(true).putHeader("Content-Type", "text/plain");
                request.response().write("first,");
                request.response().write("second,");
                request.response().end("third");
                return;
            }
            if (request.path().endsWith("/held")) {
                HELD.add(request.response().setChunked(true).putHeader("Content-Type", "text/plain"));
                request.response().write("first,");
                return;
            }
            if (request.path().endsWith("/created")) {
                String self = "http://" + request.authority();
                request.response().setStatusCode(201).putHeader("Location", self + "/api/v1/channels/42?view=full")
                        .putHeader("Content-Location", self + "/api/v1/channels/42").end();
                return;
            }
            if (request.path().endsWith("/moved")) {
                request.response().setStatusCode(301).putHeader("Location", "https://media.syndication.example/42").end();
                return;
            }
            if (request.path().endsWith("/trickle")) {
                trickle(request.response().setChunked(true), 50);
                return;
            }
            if (request.path().endsWith("/slow")) {
                // answers long after the gateway's response timeout for schedule-service (1 s here)
                vertx.setTimer(3000, timer -> request.response().end("{}"));
                return;
            }
            if (request.path().equals("/api/v1/partners/me") && partnerId(request).endsWith("000000000403")) {
                request.response().setStatusCode(403).putHeader("Content-Type", "application/problem+json")
                        .end("{\"status\": 403, \"title\": \"Forbidden\"}");
                return;
            }
            JsonObject headers = new JsonObject();
            request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
            JsonObject echo = new JsonObject()
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("headers", headers)
                    .put("bodyLength", body.length())
                    .put("status", "ACTIVE");
            request.response().putHeader("Content-Type", "application/json")
                    .putHeader("X-Request-Id", String.valueOf(request.getHeader("X-Request-Id")))
                    .end(echo.encode());
        }));
        int port;
        try {
            port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("The echo upstream did not start", e);
        }
        String echo = "http://127.0.0.1:" + port;
        String closed = "http://127.0.0.1:" + closedPort();
        // the echo answers health checks too; never the suite's own services on their default ports
        return Map.of(
                "gateway.upstreams.partner-service.url", echo,
                "gateway.upstreams.partner-service.management-url", echo,
                "gateway.upstreams.schedule-service.url", echo,
                "gateway.upstreams.schedule-service.management-url", echo,
                "gateway.upstreams.schedule-service.response-timeout", "1s",
                "gateway.upstreams.content-service.url", closed,
                "gateway.upstreams.content-service.management-url", closed);
    }

    /** Ends each /held answer with "rest". */
    static void releaseHeld() {
        for (HttpServerResponse held = HELD.poll(); held != null; held = HELD.poll()) {
            held.end("rest");
        }
    }

    private void trickle(HttpServerResponse response, int chunksLeft) {
        if (response.closed()) {
            ABANDONED.incrementAndGet();
        } else if (chunksLeft == 0) {
            response.end();
        } else {
            response.write("chunk " + chunksLeft + "\n");
            vertx.setTimer(100, timer -> trickle(response, chunksLeft - 1));
        }
    }

    /** The partner_id claim of the request's bearer token, or "". */
    private static String partnerId(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || authorization.split("\\.").length < 2) {
            return "";
        }
        String claims = new String(Base64.getUrlDecoder().decode(authorization.split("\\.")[1]), StandardCharsets.UTF_8);
        return new JsonObject(claims).getString("partner_id", "");
    }

    /** A free port where nothing listens (until a test listens there). */
    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}

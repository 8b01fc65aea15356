package io.syndication.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

/**
 * A real HTTP upstream for the gateway's tests: it answers every request with what it received
 * (method, path, headers, body size), except paths ending in /slow, which it answers too late.
 * partner-service and schedule-service point at it; content-service points at a port where
 * nothing listens.
 */
public class EchoUpstreamResource implements QuarkusTestResourceLifecycleManager {

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            if (request.path().equals("/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json").end("""
                        {"openapi": "3.1.0", "info": {"title": "echo", "version": "1"},
                         "paths": {"/api/v1/echo": {"get": {"operationId": "echo", "responses": {"200": {"description": "echo"}}}}}}
                        """);
                return;
            }
            if (request.path().endsWith("/slow")) {
                // answers long after the gateway's response timeout for schedule-service (1 s here)
                vertx.setTimer(3000, timer -> request.response().end("{}"));
                return;
            }
            JsonObject headers = new JsonObject();
            request.headers().forEach(header -> headers.put(header.getKey().toLowerCase(), header.getValue()));
            JsonObject echo = new JsonObject()
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("headers", headers)
                    .put("bodyLength", body.length());
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
        return Map.of(
                "gateway.upstreams.partner-service.url", echo,
                "gateway.upstreams.schedule-service.url", echo,
                "gateway.upstreams.schedule-service.response-timeout", "1s",
                "gateway.upstreams.content-service.url", "http://127.0.0.1:" + closedPort());
    }

    private static int closedPort() {
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

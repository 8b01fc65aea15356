package io.syndication.schedule;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * content-service's item and availability endpoints over real HTTP, answering by the item id's
 * last digits: ...0001 an approved 30-minute programme, ...0002 an approved live event, ...0003 not
 * approved (404 for an operator), ...0004 approved but licensed for SG only until 2026-06-01 from a
 * suspended partner, ...0503 a failing content-service.
 */
public class FakeContentServiceResource implements QuarkusTestResourceLifecycleManager {

    static final String PROGRAMME = "5a1e0000-0000-4000-8000-000000000001";
    static final String LIVE = "5a1e0000-0000-4000-8000-000000000002";
    static final String NOT_APPROVED = "5a1e0000-0000-4000-8000-000000000003";
    static final String RESTRICTED = "5a1e0000-0000-4000-8000-000000000004";
    static final String FAILING = "5a1e0000-0000-4000-8000-000000000503";

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        var server = vertx.createHttpServer().requestHandler(request -> {
            String[] path = request.path().split("/");
            String id = path[4];
            if (id.equals(FAILING)) {
                request.response().setStatusCode(503).end();
            } else if (id.equals(NOT_APPROVED) || !id.startsWith("5a1e0000")) {
                request.response().setStatusCode(404).end();
            } else if (path.length > 5 && path[5].equals("availability")) {
                JsonArray reasons = new JsonArray();
                if (id.equals(RESTRICTED)) {
                    reasons.add("PARTNER_INACTIVE");
                }
                json(request, new JsonObject().put("available", reasons.isEmpty()).put("reasons", reasons));
            } else {
                boolean live = id.equals(LIVE);
                boolean restricted = id.equals(RESTRICTED);
                json(request, new JsonObject().put("id", id).put("partnerId", "6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0001")
                        .put("kind", live ? "LIVE_EVENT" : "PROGRAMME").put("title", live ? "Asia Cup Final" : "Morning Markets")
                        .put("status", "APPROVED").put("durationSeconds", live ? null : 1800)
                        .put("ageRating", "ALL_AGES").put("availableFrom", "2026-01-01T00:00:00Z")
                        .put("availableUntil", restricted ? "2026-06-01T00:00:00Z" : "2027-01-01T00:00:00Z")
                        .put("territories", restricted ? new JsonArray().add("SG") : new JsonArray().add("SG").add("HK").add("IN")));
            }
        });
        try {
            int port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .actualPort();
            return Map.of("quarkus.rest-client.content-service.url", "http://127.0.0.1:" + port);
        } catch (Exception e) {
            throw new IllegalStateException("The fake content-service did not start", e);
        }
    }

    private static void json(io.vertx.core.http.HttpServerRequest request, JsonObject body) {
        request.response().putHeader("Content-Type", "application/json").end(body.encode());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}

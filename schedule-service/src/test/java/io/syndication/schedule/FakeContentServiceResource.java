package io.syndication.schedule;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * content-service's item and availability endpoints over real HTTP, answering by the item id's
 * last digits: ...0001 an approved 30-minute programme, ...0002 an approved live event, ...0003 not
 * approved (404 for an operator), ...0004 approved but licensed for SG only until 2026-06-01 from a
 * suspended partner, ...0005 an approved 10-minute clip, ...0006 an approved 15-minute item in words
 * content-service may add later (kind PODCAST, availability reason EMBARGOED), ...0503 a failing content-service; any
 * other 5a1e0000-... id an approved 30-minute programme. A call without the operator's bearer token
 * is a 401, as content-service answers it, so every test also proves the token is passed on. {@code POST /control/{id}/retire},
 * {@code /suspend} and {@code /expire} retire an item, suspend its partner or end its rights on
 * 2026-06-01 from then on, as an admin or the partner would in content- or partner-service;
 * {@code GET /control/{id}/asked} says how many times the failing item was asked about.
 */
public class FakeContentServiceResource implements QuarkusTestResourceLifecycleManager {

    static final String PROGRAMME = "5a1e0000-0000-4000-8000-000000000001";
    static final String LIVE = "5a1e0000-0000-4000-8000-000000000002";
    static final String NOT_APPROVED = "5a1e0000-0000-4000-8000-000000000003";
    static final String RESTRICTED = "5a1e0000-0000-4000-8000-000000000004";
    static final String CLIP = "5a1e0000-0000-4000-8000-000000000005";
    static final String NEW_WORDS = "5a1e0000-0000-4000-8000-000000000006";
    static final String FAILING = "5a1e0000-0000-4000-8000-000000000503";

    private final Set<String> retired = ConcurrentHashMap.newKeySet();
    private final Set<String> suspended = ConcurrentHashMap.newKeySet();
    private final Set<String> expired = ConcurrentHashMap.newKeySet();
    private final Set<String> suspendedPartners = ConcurrentHashMap.newKeySet();
    private final Map<String, JsonObject> items = new ConcurrentHashMap<>();
    private final Map<String, Integer> asked = new ConcurrentHashMap<>();
    private Vertx vertx;

    /** A fresh approved 30-minute programme, for a test that changes it. */
    static String freshProgramme() {
        return "5a1e0000-0000-4000-8000-" + UUID.randomUUID().toString().substring(24);
    }

    /** How many times content-service has been asked about the item (the item itself or its availability). */
    static int asked(String contentId) {
        String url = ConfigProvider.getConfig().getValue("quarkus.rest-client.content-service.url", String.class);
        return Integer.parseInt(RestAssured.given().get(url + "/control/" + contentId + "/asked").then().statusCode(200)
                .extract().asString());
    }

    /** Has content-service retire the item, suspend its partner or end its rights ({@code what}: retire, suspend, expire). */
    static void control(String contentId, String what) {
        String url = ConfigProvider.getConfig().getValue("quarkus.rest-client.content-service.url", String.class);
        RestAssured.given().post(url + "/control/" + contentId + "/" + what).then().statusCode(204);
    }

    /** Has the fake answer for {@code item} (content-service's JSON of it, with its id) from now on. */
    static void serve(JsonObject item) {
        String url = ConfigProvider.getConfig().getValue("quarkus.rest-client.content-service.url", String.class);
        RestAssured.given().contentType("application/json").body(item.encode())
                .put(url + "/control/" + item.getString("id") + "/item").then().statusCode(204);
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        var server = vertx.createHttpServer().requestHandler(request -> {
            String[] path = request.path().split("/");
            if (path[1].equals("control")) {
                control(request, path[2], path[3]);
            } else if (request.getHeader("Authorization") == null || !request.getHeader("Authorization").startsWith("Bearer ")) {
                request.response().setStatusCode(401).end();
            } else {
                asked.merge(path[4], 1, Integer::sum);
                content(request, path[4], path.length > 5 && path[5].equals("availability"));
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

    private void control(HttpServerRequest request, String id, String what) {
        if (what.equals("asked")) {
            request.response().end(Integer.toString(asked.getOrDefault(id, 0)));
        } else if (what.equals("item")) {
            request.body().onSuccess(body -> {
                items.put(id, body.toJsonObject());
                request.response().setStatusCode(204).end();
            });
        } else {
            (what.equals("retire") ? retired : what.equals("suspend") ? suspended
                    : what.equals("suspend-partner") ? suspendedPartners : expired).add(id);
            request.response().setStatusCode(204).end();
        }
    }

    /** content-service's answer for the item {@code id}, or for its availability. */
    private void content(HttpServerRequest request, String id, boolean availability) {
        JsonObject served = items.get(id);
        if (id.equals(FAILING)) {
            request.response().setStatusCode(503).end();
        } else if (served != null) {
            if (!"APPROVED".equals(served.getString("status"))) {
                request.response().setStatusCode(404).end();
            } else if (availability) {
                JsonArray reasons = new JsonArray();
                if (suspendedPartners.contains(served.getString("partnerId"))) {
                    reasons.add("PARTNER_INACTIVE");
                }
                json(request, new JsonObject().put("available", reasons.isEmpty()).put("reasons", reasons));
            } else {
                json(request, served);
            }
        } else if (id.equals(NOT_APPROVED) || retired.contains(id) || !id.startsWith("5a1e0000")) {
            request.response().setStatusCode(404).end();
        } else if (availability) {
            JsonArray reasons = new JsonArray();
            if (id.equals(RESTRICTED) || suspended.contains(id)) {
                reasons.add("PARTNER_INACTIVE");
            }
            if (id.equals(NEW_WORDS)) {
                reasons.add("EMBARGOED");
            }
            json(request, new JsonObject().put("available", reasons.isEmpty()).put("reasons", reasons));
        } else {
            boolean live = id.equals(LIVE);
            boolean clip = id.equals(CLIP);
            boolean newWords = id.equals(NEW_WORDS);
            boolean restricted = id.equals(RESTRICTED);
            boolean rightsEnded = restricted || expired.contains(id);
            json(request, new JsonObject().put("id", id).put("partnerId", "6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0001")
                    .put("kind", live ? "LIVE_EVENT" : clip ? "CLIP" : newWords ? "PODCAST" : "PROGRAMME")
                    .put("title", live ? "Asia Cup Final" : clip ? "Market Minute" : "Morning Markets")
                    .put("status", "APPROVED").put("durationSeconds", live ? null : clip ? 600 : newWords ? 900 : 1800)
                    .put("ageRating", "ALL_AGES").put("availableFrom", "2026-01-01T00:00:00Z")
                    .put("availableUntil", rightsEnded ? "2026-06-01T00:00:00Z" : "2027-01-01T00:00:00Z")
                    .put("territories", restricted ? new JsonArray().add("SG") : new JsonArray().add("SG").add("HK").add("IN")));
        }
    }

    private static void json(HttpServerRequest request, JsonObject body) {
        request.response().putHeader("Content-Type", "application/json").end(body.encode());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}

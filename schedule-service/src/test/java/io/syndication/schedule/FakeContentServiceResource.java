package io.syndication.schedule;

import java.util.Map;
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
 * content-service's availability of many items ({@code POST /api/v1/content/availability}) over real
 * HTTP, answering by each item id's last digits: ...0001 an approved 30-minute programme, ...0002 an
 * approved live event, ...0003 not approved (left out, as for an operator), ...0004 approved but
 * licensed for SG only until 2026-06-01 from a suspended partner, ...0005 an approved 10-minute clip,
 * ...0006 an approved 15-minute item in words content-service may add later (kind PODCAST, availability
 * reason EMBARGOED), ...0503 a failing content-service; any other 5a1e0000-... id an approved 30-minute
 * programme. Their last event has sequence 0, as for an item older than the events. A call
 * without the operator's bearer token is a 401, as content-service answers it, so every test also
 * proves the token is passed on. {@code PUT /control/{id}/item} has the fake answer with the given
 * item and sequence from then on, as content-service would once an admin or the partner changed it;
 * {@code GET /control/{id}/asked} says how many calls asked about the item.
 */
public class FakeContentServiceResource implements QuarkusTestResourceLifecycleManager {

    static final String PROGRAMME = "5a1e0000-0000-4000-8000-000000000001";
    static final String LIVE = "5a1e0000-0000-4000-8000-000000000002";
    static final String NOT_APPROVED = "5a1e0000-0000-4000-8000-000000000003";
    static final String RESTRICTED = "5a1e0000-0000-4000-8000-000000000004";
    static final String CLIP = "5a1e0000-0000-4000-8000-000000000005";
    static final String NEW_WORDS = "5a1e0000-0000-4000-8000-000000000006";
    static final String FAILING = "5a1e0000-0000-4000-8000-000000000503";
    /** The partner of every item it serves of its own. */
    static final String PARTNER = "6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0001";

    /** What {@link #serve} set: an item's JSON and the sequence of its last event. */
    private final Map<String, JsonObject> items = new ConcurrentHashMap<>();
    private final Map<String, Integer> asked = new ConcurrentHashMap<>();
    private Vertx vertx;

    /** A fresh approved 30-minute programme, for a test that changes it. */
    static String freshProgramme() {
        return "5a1e0000-0000-4000-8000-" + UUID.randomUUID().toString().substring(24);
    }

    /** How many calls to content-service have asked about the item. */
    static int asked(String contentId) {
        String url = ConfigProvider.getConfig().getValue("quarkus.rest-client.content-service.url", String.class);
        return Integer.parseInt(RestAssured.given().get(url + "/control/" + contentId + "/asked").then().statusCode(200)
                .extract().asString());
    }

    /**
     * Has the fake answer for {@code item} (content-service's JSON of it, with its id) from now on, as of the
     * item's event number {@code sequence} (0: none).
     */
    static void serve(JsonObject item, long sequence) {
        String url = ConfigProvider.getConfig().getValue("quarkus.rest-client.content-service.url", String.class);
        RestAssured.given().contentType("application/json").body(new JsonObject().put("content", item).put("sequence", sequence).encode())
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
                request.body().onSuccess(body -> availability(request, body.toJsonObject().getJsonArray("ids")));
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
        } else {
            request.body().onSuccess(body -> {
                items.put(id, body.toJsonObject());
                request.response().setStatusCode(204).end();
            });
        }
    }

    /** Every item of {@code ids} an operator may see, with every reason it may not air; 503 if one is the failing item. */
    private void availability(HttpServerRequest request, JsonArray ids) {
        if (ids.contains(FAILING)) {
            ids.forEach(id -> asked.merge((String) id, 1, Integer::sum));
            request.response().setStatusCode(503).end();
            return;
        }
        JsonArray answer = new JsonArray();
        for (Object id : ids) {
            asked.merge((String) id, 1, Integer::sum);
            JsonObject item = itemOf((String) id);
            if (item != null) {
                JsonArray reasons = reasonsAgainst(item);
                answer.add(new JsonObject().put("content", item).put("available", reasons.isEmpty()).put("reasons", reasons)
                        .put("sequence", items.containsKey(id) ? items.get(id).getLong("sequence") : 0L));
            }
        }
        request.response().putHeader("Content-Type", "application/json").end(answer.encode());
    }

    /** The item as an operator sees it; null when the operator may not (not, or no longer, approved). */
    private JsonObject itemOf(String id) {
        JsonObject served = items.containsKey(id) ? items.get(id).getJsonObject("content") : null;
        if (served != null) {
            return "APPROVED".equals(served.getString("status")) ? served : null;
        }
        if (id.equals(NOT_APPROVED) || !id.startsWith("5a1e0000")) {
            return null;
        }
        boolean live = id.equals(LIVE);
        boolean clip = id.equals(CLIP);
        boolean newWords = id.equals(NEW_WORDS);
        boolean restricted = id.equals(RESTRICTED);
        return new JsonObject().put("id", id).put("partnerId", PARTNER)
                .put("kind", live ? "LIVE_EVENT" : clip ? "CLIP" : newWords ? "PODCAST" : "PROGRAMME")
                .put("title", live ? "Asia Cup Final" : clip ? "Market Minute" : "Morning Markets")
                .put("status", "APPROVED").put("durationSeconds", live ? null : clip ? 600 : newWords ? 900 : 1800)
                .put("ageRating", "ALL_AGES").put("availableFrom", "2026-01-01T00:00:00Z")
                .put("availableUntil", restricted ? "2026-06-01T00:00:00Z" : "2027-01-01T00:00:00Z")
                .put("territories", restricted ? new JsonArray().add("SG") : new JsonArray().add("SG").add("HK").add("IN"));
    }

    /** The reasons of its partner's standing and of words content-service may add later; rules of time and place are the schedule's. */
    private static JsonArray reasonsAgainst(JsonObject item) {
        String id = item.getString("id");
        JsonArray reasons = new JsonArray();
        if (id.equals(RESTRICTED)) {
            reasons.add("PARTNER_INACTIVE");
        }
        if (id.equals(NEW_WORDS)) {
            reasons.add("EMBARGOED");
        }
        return reasons;
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

package io.syndication.content;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * partner-service's {@code GET /api/v1/partners/me} and {@code /{id}} over real HTTP, answering from
 * the partner id in the bearer token or the path (every partner is licensed for IN, SG, AU, KR, JP):
 * ids ending in 000000000403 belong to a suspended partner, ids ending in 000000000503 meet a failing
 * partner-service, every other partner is ACTIVE. {@code POST /control/{partnerId}/{answer}} makes it
 * answer every question about that partner with {@code 401} (it refuses the caller's token),
 * {@code 500}, nothing at all ({@code hang}), an ACTIVE answer {@link #SLOW_ANSWER} late
 * ({@code slow}) or a status partner-service may add one day
 * ({@code unrecognised-status}) from then on, and {@code recover} as before. Like partner-service, it
 * refuses a question without a bearer token (401); it remembers the Authorization header of every
 * question about a partner ({@code GET /control/{partnerId}/questions}).
 */
public class FakePartnerServiceResource implements QuarkusTestResourceLifecycleManager {

    static final String SUSPENDED_SUFFIX = "000000000403";
    static final String FAILING_SUFFIX = "000000000503";
    /** Within content-service's 2 s timeout, but past the 1 s a guard has when its configuration is not applied. */
    static final Duration SLOW_ANSWER = Duration.ofMillis(1400);

    private final Map<String, String> faults = new ConcurrentHashMap<>();
    private final Map<String, List<String>> questions = new ConcurrentHashMap<>();
    private Vertx vertx;

    /** Has partner-service answer questions about {@code partnerId} with {@code answer}: 401, 500, hang or recover. */
    static void answer(UUID partnerId, String answer) {
        String url = ConfigProvider.getConfig().getValue("quarkus.rest-client.partner-service.url", String.class);
        RestAssured.given().post(url + "/control/" + partnerId + "/" + answer).then().statusCode(204);
    }

    /** The Authorization header of each question partner-service was asked about {@code partnerId}, in order. */
    static List<String> questionsAbout(UUID partnerId) {
        String url = ConfigProvider.getConfig().getValue("quarkus.rest-client.partner-service.url", String.class);
        return RestAssured.given().get(url + "/control/" + partnerId + "/questions").then().statusCode(200)
                .extract().jsonPath().getList("$", String.class);
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        var server = vertx.createHttpServer().requestHandler(request -> {
            String[] path = request.path().split("/");
            if (path[1].equals("control")) {
                if (path[3].equals("questions")) {
                    request.response().putHeader("Content-Type", "application/json")
                            .end(new JsonArray(questions.getOrDefault(path[2], List.of())).encode());
                    return;
                }
                if (path[3].equals("recover")) {
                    faults.remove(path[2]);
                } else {
                    faults.put(path[2], path[3]);
                }
                request.response().setStatusCode(204).end();
                return;
            }
            String authorization = request.getHeader("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                request.response().setStatusCode(401).end();
                return;
            }
            String partnerId;
            if (request.path().endsWith("/me")) {
                String token = authorization.substring("Bearer ".length());
                partnerId = new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                        StandardCharsets.UTF_8)).getString("partner_id");
            } else {
                partnerId = path[path.length - 1];
            }
            questions.computeIfAbsent(partnerId, id -> new CopyOnWriteArrayList<>()).add(authorization);
            String fault = faults.get(partnerId);
            if ("hang".equals(fault)) {
                return; // never answers: the caller's timeout decides
            }
            if ("slow".equals(fault)) {
                vertx.setTimer(SLOW_ANSWER.toMillis(), timer -> answerActive(request, partnerId));
                return;
            }
            if ("unrecognised-status".equals(fault)) {
                request.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("id", partnerId).put("status", "PROBATION")
                                .put("territories", new JsonArray().add("KR")).encode());
            } else if (fault != null) {
                int status = Integer.parseInt(fault);
                request.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                        .end(new JsonObject().put("status", status).encode());
            } else if (partnerId.endsWith(SUSPENDED_SUFFIX)) {
                request.response().setStatusCode(403).putHeader("Content-Type", "application/problem+json")
                        .end("{\"status\":403,\"title\":\"Forbidden\"}");
            } else if (partnerId.endsWith(FAILING_SUFFIX)) {
                request.response().setStatusCode(503).end();
            } else {
                answerActive(request, partnerId);
            }
        });
        try {
            int port = server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).actualPort();
            return Map.of("quarkus.rest-client.partner-service.url", "http://127.0.0.1:" + port);
        } catch (Exception e) {
            throw new IllegalStateException("The fake partner-service did not start", e);
        }
    }

    private static void answerActive(HttpServerRequest request, String partnerId) {
        request.response().putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("id", partnerId).put("status", "ACTIVE")
                        .put("territories", new JsonArray().add("IN").add("SG").add("AU").add("KR").add("JP")).encode());
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }
}

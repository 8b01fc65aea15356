package io.syndication.gateway.security;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.github.benmanes.caffeine.cache.AsyncCache;

import io.syndication.gateway.EdgeSteps;
import io.syndication.gateway.config.GatewayConfig;
import io.syndication.gateway.proxy.UpstreamRoutes;
import io.syndication.http.Caller;
import io.syndication.http.EventLoopCaches;
import io.syndication.http.HttpProblems;
import io.syndication.http.ProblemType;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a partner's still-valid token at the edge once its partner is suspended or terminated.
 * The token cache ({@link VerifiedTokens}) cannot know that, so each partner's standing is asked of
 * partner-service ({@code GET /api/v1/partners/me} with the caller's own token) and kept for
 * {@link #FRESH}: a suspension reaches the gateway within that time (partner-service itself refuses
 * at once). Only an ACTIVE standing is kept, so a reinstated partner is let through at once. When
 * partner-service cannot say, partner calls get a 503 rather than a guess.
 */
@ApplicationScoped
public class PartnerStandings {

    static final Duration FRESH = Duration.ofSeconds(10);
    private static final Duration ASK_TIMEOUT = Duration.ofSeconds(2);

    /** What partner-service says of a partner: active, or why not. */
    private record Standing(boolean active, String refusal) {
    }

    private final AsyncCache<UUID, Standing> standings = EventLoopCaches.builder()
            .maximumSize(100_000)
            .expireAfterWrite(FRESH)
            .buildAsync();
    private static final Standing ACTIVE = new Standing(true, null);

    private HttpClient client;
    private RequestOptions me;

    void register(@Observes Router router, Vertx vertx, GatewayConfig config) {
        client = vertx.createHttpClient();
        me = UpstreamRoutes.requestTo(config.upstreams().get("partner-service")).setMethod(HttpMethod.GET)
                .setURI("/api/v1/partners/me")
                .setTimeout(ASK_TIMEOUT.toMillis());
        router.route("/api/*").order(EdgeSteps.PARTNER_STANDING.order()).handler(this::check);
    }

    private void check(RoutingContext rc) {
        UUID partnerId = Caller.of(CallerIdentity.of(rc)).partnerId();
        CompletableFuture<Standing> known = partnerId == null ? null : standings.getIfPresent(partnerId);
        if (partnerId == null || (known != null && known.isDone() && !known.isCompletedExceptionally()
                && known.join().active())) {
            // not a partner, or one known to be ACTIVE: the usual case goes straight on
            rc.next();
            return;
        }
        String authorization = rc.request().getHeader("Authorization");
        Context context = Vertx.currentContext();
        standings.get(partnerId, (id, executor) -> ask(authorization).toCompletionStage().toCompletableFuture())
                .whenComplete((standing, failure) -> context.runOnContext(ignored -> {
                    if (failure != null) {
                        HttpProblems.write(rc, ProblemType.PARTNER_SERVICE_UNAVAILABLE.problem(
                                "partner-service cannot confirm your partner's standing right now; retry shortly")
                                .at(rc.request().path()));
                    } else if (standing.active()) {
                        rc.next();
                    } else {
                        standings.synchronous().invalidate(partnerId);
                        HttpProblems.write(rc, ProblemType.PARTNER_INACTIVE.problem(standing.refusal())
                                .at(rc.request().path()));
                    }
                }));
    }

    /** partner-service's answer: 200 with the partner's status, or a 403 problem saying why it is refused. */
    private Future<Standing> ask(String authorization) {
        return client.request(new RequestOptions(me).putHeader("Authorization", authorization))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> {
                    if (response.statusCode() == 200) {
                        String status = new JsonObject(body).getString("status");
                        return "ACTIVE".equals(status) ? ACTIVE : new Standing(false, "Your partner is " + status);
                    }
                    if (response.statusCode() == 403) {
                        return new Standing(false, new JsonObject(body).getString("detail", "Your partner is not active"));
                    }
                    throw new IllegalStateException("partner-service answered " + response.statusCode());
                }));
    }
}

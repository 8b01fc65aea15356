package io.syndication.gateway.traffic;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import io.syndication.gateway.EdgeSteps;
import io.syndication.gateway.config.ConsoleConfig;
import io.syndication.gateway.config.RateLimitConfig;
import io.syndication.gateway.security.CallerIdentity;
import io.syndication.gateway.security.TrustedProxies;
import io.syndication.http.HttpProblems;
import io.syndication.http.ProblemType;
import io.syndication.http.Roles;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Per-client rate limits in front of every API route: a token bucket per client id (per person for the
 * console's client, by the caller's address for anonymous callers, see {@link TrustedProxies}), 429 problem+json with Retry-After when
 * empty, and the RateLimit-Limit, -Remaining and -Reset headers on every limited response (and on a 401,
 * {@link #headersForUnauthenticated}). The buckets live where {@link Buckets} says: shared by every replica in PostgreSQL, or in this one's memory.
 */
@ApplicationScoped
public class RateLimits {

    // a client's limit follows its most privileged role
    private static final List<String> ROLE_PRECEDENCE = List.of(Roles.ADMIN, Roles.OPERATOR, Roles.PARTNER);
    private static final String APPLICATIONS = "/api/v1/applications";

    /** How often the rows of shared buckets that are full again are dropped. */
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);
    private static final Logger LOG = Logger.getLogger(RateLimits.class);

    private final RateLimitConfig config;
    private final TrustedProxies proxies;
    private final Buckets buckets;
    private final String consoleClient;

    public RateLimits(RateLimitConfig config, ConsoleConfig console, TrustedProxies proxies, Instance<DataSource> database,
            Vertx vertx) {
        this.config = config;
        this.consoleClient = console.clientId();
        this.proxies = proxies;
        if (config.shared()) {
            SharedBuckets shared = new SharedBuckets(database.get(), Infrastructure.getDefaultWorkerPool(),
                    config.maxClients(), config.sharedSlack());
            vertx.setPeriodic(SWEEP_EVERY.toMillis(), timer -> vertx.executeBlocking(() -> {
                shared.sweep();
                return null;
            }, false).onFailure(failure -> LOG.warnf("Could not drop expired rate-limit buckets: %s", failure.toString())));
            this.buckets = shared;
        } else {
            this.buckets = new LocalBuckets(config.maxClients());
        }
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(EdgeSteps.RATE_LIMITS.order()).handler(this::limit);
    }

    private void limit(RoutingContext rc) {
        Keyed keyed = keyOf(rc);
        CompletableFuture<ConsumptionProbe> taken = buckets.tryConsume(keyed.key(), keyed.limit()).toCompletableFuture();
        if (taken.isDone() && !taken.isCompletedExceptionally()) {
            answer(rc, keyed, taken.join());
            return;
        }
        // a shared bucket answers on a worker thread: the request goes on on its own event loop
        Context eventLoop = Vertx.currentContext();
        taken.whenComplete((probe, failure) -> eventLoop.runOnContext(ignored -> {
            if (failure == null) {
                answer(rc, keyed, probe);
            } else {
                LOG.warnf("Rate limits could not be read: %s", failure.toString());
                // never unlimited: a caller whose bucket cannot be read is asked to come back (with Retry-After)
                HttpProblems.write(rc, ProblemType.DATABASE_UNAVAILABLE.problem(
                        "This client's rate limit could not be checked; retry shortly").at(rc.request().path()));
            }
        }));
    }

    /**
     * Puts on the answer to a caller refused for want of a valid token (401) the RateLimit headers of its
     * bucket as an anonymous caller, its address's, as every other answer of the API carries its bucket's.
     * It only looks: a request refused for its token takes nothing from a bucket (see EdgeSteps). A bucket
     * that cannot be read leaves the answer without them, and the 401 goes all the same.
     */
    public Uni<Void> headersForUnauthenticated(HttpServerRequest request) {
        if (!request.path().startsWith("/api/")) {
            return Uni.createFrom().voidItem();
        }
        Keyed anonymous = anonymous(request);
        RateLimitConfig.Limit limit = anonymous.limit();
        CompletionStage<Long> remaining = buckets.remaining(anonymous.key(), limit);
        Context eventLoop = Vertx.currentContext();
        return Uni.createFrom().emitter(done -> remaining.whenComplete((tokens, failure) -> {
            Runnable answer = () -> {
                if (failure == null) {
                    long missing = limit.requests() - tokens;
                    putHeaders(request.response(), limit, tokens, seconds(limit.per().toNanos() / limit.requests() * missing));
                } else {
                    LOG.debugf("Rate limits could not be read for a 401: %s", failure.toString());
                }
                done.complete(null);
            };
            if (eventLoop == null) {
                answer.run();
            } else {
                eventLoop.runOnContext(ignored -> answer.run());
            }
        }));
    }

    private static void putHeaders(HttpServerResponse response, RateLimitConfig.Limit limit, long remaining,
            long resetSeconds) {
        response
                .putHeader("RateLimit-Limit", Long.toString(limit.requests()))
                .putHeader("RateLimit-Remaining", Long.toString(remaining))
                .putHeader("RateLimit-Reset", Long.toString(resetSeconds));
    }

    private void answer(RoutingContext rc, Keyed keyed, ConsumptionProbe probe) {
        putHeaders(rc.response(), keyed.limit(), probe.getRemainingTokens(), seconds(probe.getNanosToWaitForReset()));
        if (probe.isConsumed()) {
            rc.next();
            return;
        }
        long retryAfter = Math.max(1, seconds(probe.getNanosToWaitForRefill()));
        rc.response().putHeader("Retry-After", Long.toString(retryAfter));
        HttpProblems.write(rc, ProblemType.RATE_LIMITED.problem(
                "This client's limit is " + keyed.limit().requests() + " requests per " + keyed.limit().per().toSeconds()
                        + " s; retry after " + retryAfter + " s").at(rc.request().path()));
    }

    /** Which bucket a request draws from, and its limit. */
    private record Keyed(String key, RateLimitConfig.Limit limit) {
    }

    private Keyed keyOf(RoutingContext rc) {
        String address = proxies.clientAddress(rc.request());
        if (rc.request().method() == HttpMethod.POST && isApplication(rc.request().path())) {
            return new Keyed("apply:" + address, config.applications());
        }
        SecurityIdentity identity = CallerIdentity.of(rc);
        if (identity == null || identity.isAnonymous()) {
            return anonymous(rc.request());
        }
        String client = CallerIdentity.clientId(identity);
        // the console's one client is shared by every person signed in to it: each of them has a bucket
        String key = client.equals(consoleClient) ? "user:" + identity.getPrincipal().getName() : "client:" + client;
        for (String role : ROLE_PRECEDENCE) {
            RateLimitConfig.Limit limit = config.roles().get(role);
            if (identity.hasRole(role) && limit != null) {
                return new Keyed(key, limit);
            }
        }
        return new Keyed(key, config.anonymous());
    }

    /** An anonymous caller's bucket: its address's. */
    private Keyed anonymous(HttpServerRequest request) {
        return new Keyed("address:" + proxies.clientAddress(request), config.anonymous());
    }

    /**
     * A path of the application endpoint, with a trailing slash or anything else below it, which the
     * proxy forwards to partner-service too (other spellings RequestScreening has refused already).
     */
    private static boolean isApplication(String path) {
        return path.startsWith(APPLICATIONS)
                && (path.length() == APPLICATIONS.length() || path.charAt(APPLICATIONS.length()) == '/');
    }

    private static long seconds(long nanos) {
        return (long) Math.ceil(nanos / 1_000_000_000.0);
    }
}

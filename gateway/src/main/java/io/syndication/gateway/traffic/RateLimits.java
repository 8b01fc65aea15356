package io.syndication.gateway.traffic;

import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.github.benmanes.caffeine.cache.Cache;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import io.syndication.gateway.EdgeSteps;
import io.syndication.gateway.config.RateLimitConfig;
import io.syndication.gateway.security.CallerIdentity;
import io.syndication.gateway.security.TrustedProxies;
import io.syndication.http.EventLoopCaches;
import io.syndication.http.HttpProblems;
import io.syndication.http.ProblemType;
import io.syndication.http.Roles;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Per-client rate limits in front of every API route: a token bucket per client id (by the caller's
 * address for anonymous callers, see {@link TrustedProxies}), 429 problem+json with Retry-After when
 * empty, and the RateLimit-Limit, -Remaining and -Reset headers on every limited response. Buckets
 * live in this gateway replica's memory (see the README for several replicas).
 */
@ApplicationScoped
public class RateLimits {

    // a client's limit follows its most privileged role
    private static final List<String> ROLE_PRECEDENCE = List.of(Roles.ADMIN, Roles.OPERATOR, Roles.PARTNER);
    private static final String APPLICATIONS = "/api/v1/applications";

    private final RateLimitConfig config;
    private final TrustedProxies proxies;
    private final Cache<String, Bucket> buckets;

    public RateLimits(RateLimitConfig config, TrustedProxies proxies) {
        this.config = config;
        this.proxies = proxies;
        this.buckets = EventLoopCaches.builder().maximumSize(config.maxClients()).expireAfterAccess(1, TimeUnit.HOURS).build();
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(EdgeSteps.RATE_LIMITS.order()).handler(this::limit);
    }

    private void limit(RoutingContext rc) {
        Keyed keyed = keyOf(rc);
        Bucket bucket = buckets.get(keyed.key(), key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(keyed.limit().requests()).refillGreedy(keyed.limit().requests(), keyed.limit().per()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        rc.response()
                .putHeader("RateLimit-Limit", Long.toString(keyed.limit().requests()))
                .putHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()))
                .putHeader("RateLimit-Reset", Long.toString(seconds(probe.getNanosToWaitForReset())));
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
            return new Keyed("address:" + address, config.anonymous());
        }
        for (String role : ROLE_PRECEDENCE) {
            RateLimitConfig.Limit limit = config.roles().get(role);
            if (identity.hasRole(role) && limit != null) {
                return new Keyed("client:" + CallerIdentity.clientId(identity), limit);
            }
        }
        return new Keyed("client:" + CallerIdentity.clientId(identity), config.anonymous());
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

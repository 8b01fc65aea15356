package io.syndication.gateway.traffic;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.syndication.gateway.config.RateLimitConfig;
import io.syndication.http.EventLoopCaches;

/**
 * Buckets in this replica's memory (at most {@code max-clients}, the least recently used dropped):
 * with N replicas behind a round-robin balancer a client gets up to N times its limit.
 */
final class LocalBuckets implements Buckets {

    private final Cache<String, Bucket> buckets;

    LocalBuckets(long maxClients) {
        this.buckets = EventLoopCaches.builder().maximumSize(maxClients).expireAfterAccess(1, TimeUnit.HOURS).build();
    }

    @Override
    public CompletionStage<ConsumptionProbe> tryConsume(String key, RateLimitConfig.Limit limit) {
        Bucket bucket = buckets.get(key, ignored -> Bucket.builder().addLimit(Buckets.bandwidth(limit)).build());
        return CompletableFuture.completedFuture(bucket.tryConsumeAndReturnRemaining(1));
    }

    @Override
    public CompletionStage<Long> remaining(String key, RateLimitConfig.Limit limit) {
        // a look makes no bucket: callers that only ever look cannot push those that draw out of the cache
        Bucket bucket = buckets.getIfPresent(key);
        return CompletableFuture.completedFuture(bucket == null ? limit.requests() : bucket.getAvailableTokens());
    }
}

package io.syndication.gateway.traffic;

import java.util.concurrent.CompletionStage;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.ConsumptionProbe;
import io.syndication.gateway.config.RateLimitConfig;

/**
 * Where the token buckets live: {@link LocalBuckets} in this replica's memory, or {@link SharedBuckets}
 * in PostgreSQL, shared by every replica, so that a client's limit holds for the platform as a whole.
 */
interface Buckets {

    /** Takes one token from {@code key}'s bucket, made with {@code limit} when it is new. */
    CompletionStage<ConsumptionProbe> tryConsume(String key, RateLimitConfig.Limit limit);

    /** The tokens {@code key}'s bucket has now, taking none; a bucket not made yet is full. */
    CompletionStage<Long> remaining(String key, RateLimitConfig.Limit limit);

    /** A bucket's {@code limit}: that many requests per period, also the burst. */
    static Bandwidth bandwidth(RateLimitConfig.Limit limit) {
        return Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.per()).build();
    }
}

package io.syndication.gateway.traffic;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.BucketNotFoundException;
import io.github.bucket4j.distributed.proxy.RemoteBucketBuilder;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimization;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import io.syndication.gateway.config.RateLimitConfig;
import io.syndication.http.Causes;
import io.syndication.http.EventLoopCaches;

/**
 * Buckets in PostgreSQL (table {@code rate_limit_bucket}), shared by every gateway replica, with
 * bucket4j's select-for-update back end: each take locks the client's row, so two replicas never
 * both spend its last token. The calls are blocking JDBC, so they run on {@code workers}, never on
 * an event loop, and an answer later than {@link #TAKE_WITHIN} fails the request (the JDBC driver's
 * own timeouts free the worker); how often a take reaches the database depends on the bucket's size
 * (see {@link #optimization}). A row is dropped once its bucket would be full again.
 */
final class SharedBuckets implements Buckets {

    /** The longest a replica spends a bucket without telling the database. */
    static final Duration SYNC_EVERY = Duration.ofMillis(100);
    /** Past this the take fails, and the request with it (503), rather than wait on a slow database. */
    static final Duration TAKE_WITHIN = Duration.ofSeconds(2);
    /** How many expired rows one sweep removes per statement. */
    private static final int SWEEP_BATCH = 1000;

    private static final Logger LOG = Logger.getLogger(SharedBuckets.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> rows;
    private final Executor workers;
    /** Each client's proxy, kept for its unsynchronised tokens and so that its concurrent takes can be batched. */
    private final Cache<String, BucketProxy> proxies;

    private final double slack;

    SharedBuckets(DataSource database, Executor workers, long maxClients, double slack) {
        this.rows = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_bucket").idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
        this.workers = workers;
        this.slack = slack;
        this.proxies = EventLoopCaches.builder().maximumSize(maxClients).expireAfterAccess(1, TimeUnit.HOURS).build();
    }

    @Override
    public CompletionStage<ConsumptionProbe> tryConsume(String key, RateLimitConfig.Limit limit) {
        return onWorker(key, limit, bucket -> bucket.tryConsumeAndReturnRemaining(1));
    }

    @Override
    public CompletionStage<Long> remaining(String key, RateLimitConfig.Limit limit) {
        return onWorker(key, limit, BucketProxy::getAvailableTokens);
    }

    /**
     * Uses the client's bucket on a worker. bucket4j's optimised proxies (batching, delaying) send a
     * client's concurrent calls as one command, and that command fails when the row does not exist
     * (a new client's first requests arriving together, or a row swept meanwhile) instead of creating
     * it as a single call does; such a call is made again without the optimisation, which creates the row.
     */
    private <T> CompletionStage<T> onWorker(String key, RateLimitConfig.Limit limit, Function<BucketProxy, T> use) {
        BucketProxy bucket = bucket(key, limit);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return use.apply(bucket);
            } catch (RuntimeException e) {
                if (!Causes.include(e, BucketNotFoundException.class)) {
                    throw e;
                }
                return use.apply(proxy(key, limit, rows.builder()));
            }
        }, workers).orTimeout(TAKE_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
    }

    private BucketProxy bucket(String key, RateLimitConfig.Limit limit) {
        return proxies.get(key, ignored -> proxy(key, limit, rows.builder().withOptimization(optimization(limit))));
    }

    private static BucketProxy proxy(String key, RateLimitConfig.Limit limit, RemoteBucketBuilder<String> builder) {
        // a limit changed in the configuration replaces the stored one, keeping the share of tokens left
        return builder.withImplicitConfigurationReplacement(version(limit), TokensInheritanceStrategy.PROPORTIONALLY)
                .build(key, BucketConfiguration.builder().addLimit(Buckets.bandwidth(limit)).build());
    }

    /** Drops the rows of buckets that are full again (nobody drew on them lately): blocking, for a worker. */
    void sweep() {
        int removed;
        int total = 0;
        do {
            removed = rows.removeExpired(SWEEP_BATCH);
            total += removed;
        } while (removed == SWEEP_BATCH);
        LOG.debugf("Dropped %d rate-limit buckets that were full again", total);
    }

    /**
     * How a replica's takes reach the database. A bucket with room for slack (a {@link #slack} share
     * of it is a token or more) is spent locally and synchronised every so many tokens or
     * {@link #SYNC_EVERY}, whichever comes first: the platform as a whole may then overspend it by that
     * share per replica, and one busy client no longer queues on its one row. A smaller bucket (the
     * anonymous and application limits) is exact: every take is a transaction, concurrent ones batched.
     */
    private Optimization optimization(RateLimitConfig.Limit limit) {
        long unsynchronised = (long) Math.floor(limit.requests() * slack);
        return unsynchronised >= 1
                ? Optimizations.delaying(new DelayParameters(unsynchronised, SYNC_EVERY))
                : Optimizations.batching();
    }

    /** One number per distinct limit, so that replicas agree on which configuration is current. */
    private static long version(RateLimitConfig.Limit limit) {
        return Objects.hash(limit.requests(), limit.per());
    }
}

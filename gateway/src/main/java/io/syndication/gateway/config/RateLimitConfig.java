package io.syndication.gateway.config;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Token buckets per client: a role's limit applies to each client id of that role (its highest
 * role counts); anonymous callers are limited per remote address, and the public application
 * endpoint more strictly still.
 */
@ConfigMapping(prefix = "gateway.rate-limits")
public interface RateLimitConfig {

    /** By role name: platform-admin, channel-operator, partner. */
    Map<String, Limit> roles();

    Limit anonymous();

    /** {@code POST /api/v1/applications}, per remote address. */
    Limit applications();

    /**
     * Whether the buckets are shared by every gateway replica, in the gateway's PostgreSQL database,
     * so that a limit holds for the platform as a whole; otherwise each replica keeps its own.
     */
    @WithDefault("false")
    boolean shared();

    /**
     * With shared buckets, the share of a bucket each replica may spend before it tells the database
     * (at most 100 ms later): so much can the platform overspend a limit per replica, in return for
     * not taking a row lock per request. A bucket whose share is under one token is always exact.
     */
    @WithDefault("0.01")
    double sharedSlack();

    /** How many client buckets are kept; the least recently used go first. */
    @WithDefault("100000")
    long maxClients();

    interface Limit {

        /** Requests allowed per period, also the burst. */
        long requests();

        @WithDefault("1m")
        Duration per();
    }
}

package io.syndication.http;

import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Caches read on every request, from the event loop. Caffeine picks a generated class for each
 * combination of settings and makes it by reflection, which a native image allows only for classes
 * registered at build time; Quarkus' own list lacks the maximum-size-with-access-expiry ones, so the
 * classes of the caches the services build (EventLoopCachesTest keeps this list true) are named here.
 */
@RegisterForReflection(classNames = {
        // maximumSize with expireAfterAccess: the rate-limit buckets
        "com.github.benmanes.caffeine.cache.SSMSA", "com.github.benmanes.caffeine.cache.PSAMS",
        // maximumSize with expireAfterWrite: verified tokens, partner standings
        "com.github.benmanes.caffeine.cache.SSMSW", "com.github.benmanes.caffeine.cache.PSWMS" },
        methods = true, fields = true)
public final class EventLoopCaches {

    private EventLoopCaches() {
    }

    /**
     * A Caffeine builder whose upkeep (expiry, eviction, its access buffers) runs on the calling
     * thread in small amortised steps, instead of being handed to the common fork-join pool every
     * few reads: at thousands of requests a second those hand-offs, each waking a thread, cost more
     * than the upkeep itself.
     */
    public static Caffeine<Object, Object> builder() {
        return Caffeine.newBuilder().executor(Runnable::run);
    }
}

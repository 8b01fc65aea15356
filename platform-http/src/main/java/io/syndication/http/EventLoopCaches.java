package io.syndication.http;

import com.github.benmanes.caffeine.cache.Caffeine;

/** Caches read on every request, from the event loop. */
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

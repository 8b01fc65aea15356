package io.syndication.http.client;

import io.smallrye.faulttolerance.api.Guard;

/**
 * How one service calls another: a timeout, retries and a circuit breaker, as one guard per
 * dependency, so that every call to it shares one circuit (the dependency is down, not one of its
 * operations). The guard is named after the dependency, and its numbers live in configuration under
 * {@code quarkus.fault-tolerance."<dependency>".*} (timeout, retry, circuit-breaker), beside the
 * dependency's URL; a service produces it with {@code @Produces @Identifier("<dependency>")} and its
 * client methods take it with {@code @ApplyGuard("<dependency>")}.
 */
public final class CallPolicy {

    private CallPolicy() {
    }

    public static Guard guard(String dependency) {
        return Guard.create()
                .withTimeout().done()
                .withRetry().done()
                .withCircuitBreaker().name(dependency).done()
                .build();
    }
}

package io.syndication.content.client;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;
import io.syndication.http.client.CallPolicy;

/**
 * The one guard every call to partner-service goes through, so that they share one circuit; its
 * timeout, retries and breaker are set under {@code quarkus.fault-tolerance."partner-service".*}.
 */
public class PartnerServicePolicy {

    static final String DEPENDENCY = "partner-service";

    // a plain instance, not a proxy: SmallRye applies the configuration only to a guard it built itself
    @Produces
    @Singleton
    @Identifier(DEPENDENCY)
    Guard guard() {
        return CallPolicy.guard(DEPENDENCY);
    }
}

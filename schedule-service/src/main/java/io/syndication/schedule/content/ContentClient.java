package io.syndication.schedule.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.faulttolerance.api.Guard;
import io.syndication.http.client.CallPolicy;
import io.smallrye.mutiny.Uni;

/**
 * content-service, asked about many items in one call under the one policy for every call to it
 * (its numbers under {@code quarkus.fault-tolerance."content-service"}). An item the operator may not
 * see is left out of the answer, not a failure, so it never trips the breaker.
 */
@ApplicationScoped
class ContentClient {

    static final String CONTENT_SERVICE = "content-service";

    @Produces
    @Identifier(CONTENT_SERVICE)
    static final Guard CALLS = CallPolicy.guard(CONTENT_SERVICE);

    private final ContentRestClient content;

    ContentClient(@RestClient ContentRestClient content) {
        this.content = content;
    }

    /**
     * Those of {@code ids} (at most {@link ContentRestClient#MOST_ITEMS}) the operator may see, with every
     * reason each may not air in {@code territory} at {@code at}.
     */
    @ApplyGuard(CONTENT_SERVICE)
    Uni<List<ContentRestClient.Availability>> availability(List<UUID> ids, Instant at, String territory) {
        return content.availability(new ContentRestClient.Query(ids, at, territory));
    }
}

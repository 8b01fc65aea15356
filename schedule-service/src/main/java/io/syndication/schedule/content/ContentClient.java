package io.syndication.schedule.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.faulttolerance.api.Guard;
import io.syndication.http.client.CallPolicy;
import io.smallrye.mutiny.Uni;

/**
 * content-service, asked about one item at a time under the one policy for every call to it (its
 * numbers under {@code quarkus.fault-tolerance."content-service"}). An item the operator may not
 * see (404) is an answer (null), not a failure, so it never trips the breaker.
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

    @ApplyGuard(CONTENT_SERVICE)
    Uni<ContentItem> find(UUID id) {
        return content.get(id.toString())
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> notFound(failure)
                        ? Uni.createFrom().nullItem() : Uni.createFrom().failure(failure));
    }

    /** Every reason the item may not air in {@code territory} at {@code at}, as content-service sees it. */
    @ApplyGuard(CONTENT_SERVICE)
    Uni<List<Unavailability>> reasonsAgainst(UUID id, Instant at, String territory) {
        return content.availability(id.toString(), at, territory).map(ContentRestClient.Availability::reasons);
    }

    private static boolean notFound(Throwable failure) {
        return ((WebApplicationException) failure).getResponse().getStatus() == 404;
    }
}

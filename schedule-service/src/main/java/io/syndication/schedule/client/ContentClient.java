package io.syndication.schedule.client;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;
import io.syndication.schedule.client.ContentRestClient.ContentRecord;

/**
 * content-service, asked about one item with the operator's own token: a 2 s timeout, retries
 * (these are reads) and a circuit breaker. An item the operator may not see (404) is an answer
 * (null), not a failure, so it never trips the breaker.
 */
@ApplicationScoped
public class ContentClient {

    private final ContentRestClient content;

    public ContentClient(@RestClient ContentRestClient content) {
        this.content = content;
    }

    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<ContentRecord> find(UUID id, String authorization) {
        return content.get(id.toString(), authorization)
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> notFound(failure)
                        ? Uni.createFrom().nullItem() : Uni.createFrom().failure(failure));
    }

    /** Every reason the item may not air in {@code territory} at {@code at}, as content-service sees it. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<List<String>> reasonsAgainst(UUID id, Instant at, String territory, String authorization) {
        return content.availability(id.toString(), at, territory, authorization).map(ContentRestClient.Availability::reasons);
    }

    private static boolean notFound(Throwable failure) {
        return ((WebApplicationException) failure).getResponse().getStatus() == 404;
    }
}

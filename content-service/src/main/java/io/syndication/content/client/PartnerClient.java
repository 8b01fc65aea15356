package io.syndication.content.client;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;

/**
 * Whether a partner acting here is still ACTIVE, asked of partner-service with the partner's own
 * token and remembered for 30 s (the bound within which a suspension reaches content-service).
 * A refusal is an answer, not a failure: only an unreachable or failing partner-service is retried
 * and trips the circuit breaker.
 */
@ApplicationScoped
public class PartnerClient {

    private final PartnerRestClient partners;

    public PartnerClient(@RestClient PartnerRestClient partners) {
        this.partners = partners;
    }

    @CacheResult(cacheName = "partner-standing")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<PartnerStanding> standing(@CacheKey UUID partnerId, String authorization) {
        return partners.me(authorization)
                .map(partner -> new PartnerStanding("ACTIVE".equals(partner.status()),
                        partner.territories() == null ? List.of() : partner.territories()))
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> {
                    int status = ((WebApplicationException) failure).getResponse().getStatus();
                    // 401/403/404: partner-service does not accept this partner any more
                    return status < 500 ? Uni.createFrom().item(PartnerStanding.REFUSED) : Uni.createFrom().failure(failure);
                });
    }

    /** Whether any partner is ACTIVE, asked with an admin's or operator's token; remembered 30 s. */
    @CacheResult(cacheName = "partner-status")
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 100)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Uni<Boolean> isActive(@CacheKey UUID partnerId, String authorization) {
        return partners.get(partnerId.toString(), authorization)
                .map(partner -> "ACTIVE".equals(partner.status()))
                .onFailure(WebApplicationException.class).recoverWithUni(failure -> {
                    int status = ((WebApplicationException) failure).getResponse().getStatus();
                    return status == 404 ? Uni.createFrom().item(false) : Uni.createFrom().failure(failure);
                });
    }
}

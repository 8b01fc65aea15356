package io.syndication.content.client;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.quarkus.cache.CacheResult;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import io.syndication.http.ProblemType;

/**
 * Whether a partner acting here is still ACTIVE, asked of partner-service with the caller's own
 * token and remembered for 30 s (the bound within which a suspension reaches content-service).
 * Only a definite answer about the partner is remembered: its record, or partner-service refusing
 * the partner (403) or not knowing it (404). Anything else (our token refused with 401, a 5xx, a
 * timeout, an open circuit) is the platform's failure, not the partner's: it is retried, trips the
 * circuit breaker ({@link PartnerServicePolicy}) and ends as a 503 problem with Retry-After, and the
 * next request asks again.
 */
@ApplicationScoped
public class PartnerClient {

    private static final Logger LOG = Logger.getLogger(PartnerClient.class);

    private final PartnerRestClient partners;

    public PartnerClient(@RestClient PartnerRestClient partners) {
        this.partners = partners;
    }

    /** The standing of the partner whose token the caller holds; cached by partner, as the token names it. */
    @CacheResult(cacheName = "partner-standing")
    @ApplyGuard(PartnerServicePolicy.DEPENDENCY)
    @Fallback(fallbackMethod = "standingUnknown")
    public Uni<PartnerStanding> standing(UUID partnerId) {
        return partners.me()
                .map(partner -> new PartnerStanding(partner.active(),
                        partner.territories() == null ? List.of() : partner.territories()))
                .onFailure(failure -> answered(failure, 403, 404)).recoverWithItem(PartnerStanding.REFUSED);
    }

    /** Whether any partner is ACTIVE, asked with an admin's or operator's token; remembered 30 s. */
    @CacheResult(cacheName = "partner-status")
    @ApplyGuard(PartnerServicePolicy.DEPENDENCY)
    @Fallback(fallbackMethod = "statusUnknown")
    public Uni<Boolean> isActive(UUID partnerId) {
        return partners.get(partnerId.toString())
                .map(PartnerRestClient.PartnerRecord::active)
                .onFailure(failure -> answered(failure, 404)).recoverWithItem(false);
    }

    /** Whether partner-service answered with one of {@code statuses}: an answer about the partner, not a failure. */
    private static boolean answered(Throwable failure, int... statuses) {
        if (failure instanceof WebApplicationException answer) {
            for (int status : statuses) {
                if (answer.getResponse().getStatus() == status) {
                    return true;
                }
            }
        }
        return false;
    }

    Uni<PartnerStanding> standingUnknown(UUID partnerId, Throwable failure) {
        return unavailable(partnerId, failure);
    }

    Uni<Boolean> statusUnknown(UUID partnerId, Throwable failure) {
        return unavailable(partnerId, failure);
    }

    private static <T> Uni<T> unavailable(UUID partnerId, Throwable failure) {
        LOG.warnf("partner-service could not tell the standing of partner %s: %s", partnerId, failure.toString());
        return Uni.createFrom().failure(ProblemType.PARTNER_SERVICE_UNAVAILABLE.exception(
                "The partner's standing cannot be confirmed right now; retry shortly"));
    }
}

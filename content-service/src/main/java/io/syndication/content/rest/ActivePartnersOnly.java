package io.syndication.content.rest;

import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;
import io.syndication.content.client.PartnerClient;
import io.syndication.http.ProblemException;

/**
 * Refuses a partner's still-valid token once partner-service no longer counts the partner ACTIVE
 * (within the 30 s that {@link PartnerClient} remembers an answer). If partner-service cannot be
 * asked, {@link PartnerClient} fails with a 503 problem with Retry-After: never a guess.
 */
public class ActivePartnersOnly {

    private final Viewers viewers;
    private final PartnerClient partners;

    public ActivePartnersOnly(Viewers viewers, PartnerClient partners) {
        this.viewers = viewers;
        this.partners = partners;
    }

    @ServerRequestFilter
    public Uni<Response> refuseInactivePartners() {
        UUID partnerId = viewers.partnerId();
        if (partnerId == null) {
            return Uni.createFrom().nullItem();
        }
        return partners.standing(partnerId).map(standing -> {
            if (!standing.active()) {
                throw ProblemException.partnerInactive("not active");
            }
            return null;
        });
    }
}

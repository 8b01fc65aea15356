package io.syndication.partner.rest;

import java.util.UUID;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;
import io.syndication.http.ProblemException;
import io.syndication.partner.PartnerRepository;
import io.syndication.partner.PartnerStatus;

/**
 * Refuses a partner's token once its partner is no longer ACTIVE, though the token itself is still
 * valid: suspension takes effect at once here, not when the token expires. Checked against the
 * database on every request a partner makes, on the event loop before a blocking endpoint's worker
 * takes over (Hibernate Reactive needs the event loop).
 */
public class ActivePartnersOnly {

    private final Caller caller;
    private final PartnerRepository partners;

    public ActivePartnersOnly(Caller caller, PartnerRepository partners) {
        this.caller = caller;
        this.partners = partners;
    }

    @ServerRequestFilter(nonBlocking = true)
    public Uni<Response> refuseInactivePartners() {
        UUID partnerId = caller.partnerId();
        if (partnerId == null) {
            return Uni.createFrom().nullItem();
        }
        return partners.statusOf(partnerId).map(status -> {
            if (status != PartnerStatus.ACTIVE) {
                throw ProblemException.partnerInactive(status == null ? "unknown" : status.name());
            }
            return null;
        });
    }
}

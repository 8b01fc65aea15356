package io.syndication.content.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;
import io.syndication.content.Viewer;
import io.syndication.content.client.PartnerClient;
import io.syndication.http.Problem;

/**
 * Refuses a partner's still-valid token once partner-service no longer counts the partner ACTIVE
 * (within the 30 s that {@link PartnerClient} remembers an answer). If partner-service cannot be
 * asked, the answer is 503 with Retry-After: never a guess.
 */
public class ActivePartnersOnly {

    private static final Logger LOG = Logger.getLogger(ActivePartnersOnly.class);

    private final Viewers viewers;
    private final PartnerClient partners;

    public ActivePartnersOnly(Viewers viewers, PartnerClient partners) {
        this.viewers = viewers;
        this.partners = partners;
    }

    @ServerRequestFilter
    public Uni<Response> refuseInactivePartners(HttpHeaders headers) {
        if (headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                || !(viewers.current() instanceof Viewer.Partner partner)) {
            return Uni.createFrom().nullItem();
        }
        return partners.standing(partner.partnerId(), headers.getHeaderString(HttpHeaders.AUTHORIZATION))
                .map(standing -> standing.active() ? null : problem(403, Problem.of("partner-inactive", "Forbidden", 403,
                        "Your partner is not active; its tokens are refused until it is reinstated")))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("partner-service could not confirm partner %s: %s", partner.partnerId(), failure.toString());
                    return problem(503, Problem.of("partner-service-unavailable", "Service Unavailable", 503,
                            "Your partner's standing cannot be confirmed right now; retry shortly"));
                });
    }

    private static Response problem(int status, Problem problem) {
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE).entity(problem);
        return status == 503 ? response.header("Retry-After", "5").build() : response.build();
    }
}

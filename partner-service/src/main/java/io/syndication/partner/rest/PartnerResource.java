package io.syndication.partner.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.syndication.http.Page;
import io.syndication.http.ProblemException;
import io.syndication.http.Roles;
import io.syndication.partner.Partner;
import io.syndication.partner.PartnerRepository;
import io.syndication.partner.PartnerStatus;

@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Partner records, read by admins and channel operators")
public class PartnerResource {

    private final PartnerRepository partners;

    public PartnerResource(PartnerRepository partners) {
        this.partners = partners;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(operationId = "listPartners", summary = "List partners",
            description = "Partners in slug order, optionally of one status, with cursor paging.")
    public Uni<Page<PartnerView>> list(@QueryParam("status") PartnerStatus status,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @QueryParam("next") String next) {
        return partners.listAfter(status, Page.after(next), limit + 1)
                .map(rows -> Page.of(rows, limit, (Partner p) -> p.slug, PartnerView::of));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(operationId = "getPartner", summary = "Get a partner")
    public Uni<PartnerView> get(@PathParam("id") UUID id) {
        return partners.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Partner " + id))
                .map(PartnerView::of);
    }
}

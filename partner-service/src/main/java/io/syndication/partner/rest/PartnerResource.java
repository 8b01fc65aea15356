package io.syndication.partner.rest;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;

import io.smallrye.mutiny.Uni;
import io.syndication.http.Page;
import io.syndication.http.ProblemException;
import io.syndication.http.ProblemType;
import io.syndication.http.Roles;
import io.syndication.http.Versions;
import io.syndication.http.validation.Territory;
import io.syndication.partner.Partner;
import io.syndication.partner.PartnerAction;
import io.syndication.partner.PartnerCategory;
import io.syndication.partner.PartnerEdit;
import io.syndication.partner.PartnerEvent;
import io.syndication.partner.PartnerRepository;
import io.syndication.partner.PartnerService;
import io.syndication.partner.PartnerStatus;
import io.syndication.partner.credentials.IssuedCredentials;

@Path("/api/v1/partners")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Partner records and their lifecycle")
public class PartnerResource {

    /** An answer that carries a client secret: no cache along the way may keep it. */
    private static final String NO_STORE = "no-store";

    /** What every endpoint answering with the record says of it. */
    private static final String RECORD = "The partner record; the ETag header carries its version";

    private final PartnerService service;
    private final Caller caller;

    public PartnerResource(PartnerService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR })
    @Operation(operationId = "listPartners", summary = "List partners",
            description = "Partners in slug order, narrowed by status, category, territory and free text over names and slug, with cursor paging.")
    public Uni<Page<PartnerView>> list(@QueryParam("status") PartnerStatus status,
            @QueryParam("category") PartnerCategory category,
            @QueryParam("territory") @Territory String territory,
            @QueryParam("q") String text,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @QueryParam("next") String next) {
        PartnerRepository.Filter filter = new PartnerRepository.Filter(status, category, territory, text);
        return service.list(filter, Page.after(next), limit + 1)
                .map(rows -> Page.of(rows, limit, (Partner p) -> p.slug, PartnerView::of));
    }

    @GET
    @Path("/me")
    @RolesAllowed(Roles.PARTNER)
    @APIResponseSchema(value = PartnerView.class, responseDescription = RECORD)
    @Operation(operationId = "getOwnPartner", summary = "Read your own partner record",
            description = "For a partner's API client: the partner its token names.")
    public Uni<Response> me() {
        UUID own = caller.partnerId();
        if (own == null) {
            throw ProblemException.notFound("The partner your token names");
        }
        return read(own);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPERATOR, Roles.PARTNER })
    @APIResponseSchema(value = PartnerView.class, responseDescription = RECORD)
    @Operation(operationId = "getPartner", summary = "Get a partner",
            description = "Admins and operators read any partner; a partner reads only itself (any other id is 404).")
    public Uni<Response> get(@PathParam("id") UUID id) {
        caller.mayAccess(id, true);
        return read(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @RolesAllowed({ Roles.ADMIN, Roles.PARTNER })
    @APIResponseSchema(value = PartnerView.class, responseDescription = RECORD)
    @Operation(operationId = "updatePartner", summary = "Change a partner record",
            description = "Absent fields stay as they are. A partner changes only its display name, contact e-mail, website, "
                    + "webhook and languages. Send the ETag in If-Match to be sure nobody changed it since you read it (412 otherwise).")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid PartnerPatch patch) {
        caller.mayAccess(id, false);
        PartnerEdit edit = patch.toEdit();
        if (!caller.isAdmin() && !edit.adminOnlyFields().isEmpty()) {
            throw ProblemType.ADMIN_ONLY_FIELDS.exception(
                    "Only a platform admin changes " + String.join(", ", edit.adminOnlyFields()));
        }
        return service.edit(id, Versions.fromIfMatch(ifMatch), edit, caller.name())
                .map(partner -> Response.ok(PartnerView.of(partner)).tag(Versions.etag(partner.version)).build());
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "approvePartner", summary = "Approve an application",
            description = "APPLIED to ACTIVE. Creates the partner's API client at the identity provider; the answer carries "
                    + "clientId and clientSecret, shown this once.")
    @ResponseHeader(name = HttpHeaders.CACHE_CONTROL, value = NO_STORE)
    public Uni<ApprovalView> approve(@PathParam("id") UUID id) {
        return service.perform(id, PartnerAction.APPROVE, null, caller.name()).map(ApprovalView::of);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Roles.ADMIN)
    @APIResponseSchema(value = PartnerView.class, responseDescription = RECORD)
    @Operation(operationId = "rejectPartner", summary = "Reject an application", description = "APPLIED to REJECTED; needs a reason.")
    public Uni<Response> reject(@PathParam("id") UUID id, @NotNull @Valid ReasonRequest request) {
        return perform(id, PartnerAction.REJECT, request);
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed(Roles.ADMIN)
    @APIResponseSchema(value = PartnerView.class, responseDescription = RECORD)
    @Operation(operationId = "suspendPartner", summary = "Suspend a partner",
            description = "ACTIVE to SUSPENDED; needs a reason. Its API client is disabled: no new token can be had.")
    public Uni<Response> suspend(@PathParam("id") UUID id, @NotNull @Valid ReasonRequest request) {
        return perform(id, PartnerAction.SUSPEND, request);
    }

    @POST
    @Path("/{id}/reinstate")
    @RolesAllowed(Roles.ADMIN)
    @APIResponseSchema(value = PartnerView.class, responseDescription = RECORD)
    @Operation(operationId = "reinstatePartner", summary = "Reinstate a suspended partner",
            description = "SUSPENDED to ACTIVE; its API client is enabled again.")
    public Uni<Response> reinstate(@PathParam("id") UUID id, @Valid ReasonRequest request) {
        return perform(id, PartnerAction.REINSTATE, request);
    }

    @POST
    @Path("/{id}/terminate")
    @RolesAllowed(Roles.ADMIN)
    @APIResponseSchema(value = PartnerView.class, responseDescription = RECORD)
    @Operation(operationId = "terminatePartner", summary = "Terminate a partner",
            description = "ACTIVE or SUSPENDED to TERMINATED, for good; needs a reason. Its API client is disabled.")
    public Uni<Response> terminate(@PathParam("id") UUID id, @NotNull @Valid ReasonRequest request) {
        return perform(id, PartnerAction.TERMINATE, request);
    }

    @POST
    @Path("/{id}/credentials/rotate")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTNER })
    @Operation(operationId = "rotatePartnerCredentials", summary = "Rotate a partner's client secret",
            description = "Issues a new secret, shown this once; the old one no longer obtains tokens.")
    @ResponseHeader(name = HttpHeaders.CACHE_CONTROL, value = NO_STORE)
    public Uni<IssuedCredentials> rotate(@PathParam("id") UUID id) {
        caller.mayAccess(id, false);
        return service.rotateCredentials(id, caller.name());
    }

    @GET
    @Path("/{id}/events")
    @RolesAllowed({ Roles.ADMIN, Roles.PARTNER })
    @Operation(operationId = "listPartnerEvents", summary = "Read a partner's audit trail",
            description = "Who did what, when, why and what it changed; newest first, with cursor paging.")
    public Uni<Page<EventView>> events(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @QueryParam("next") String next) {
        caller.mayAccess(id, false);
        TimeAndId after = TimeAndId.parse(Page.after(next));
        return service.events(id, after.time(), after.id(), limit + 1)
                .map(rows -> Page.of(rows, limit, (PartnerEvent e) -> TimeAndId.key(e.occurredAt, e.id), EventView::of));
    }

    private Uni<Response> perform(UUID id, PartnerAction action, ReasonRequest request) {
        return service.perform(id, action, request == null ? null : request.reason(), caller.name())
                .map(done -> Response.ok(PartnerView.of(done.partner())).tag(Versions.etag(done.partner().version)).build());
    }

    private Uni<Response> read(UUID id) {
        return service.find(id)
                .map(partner -> Response.ok(PartnerView.of(partner)).tag(Versions.etag(partner.version)).build());
    }
}

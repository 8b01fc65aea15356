package io.syndication.content.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.syndication.content.Catalogue;
import io.syndication.content.ContentAction;
import io.syndication.content.ContentCategory;
import io.syndication.content.ContentItem;
import io.syndication.content.ContentKind;
import io.syndication.content.ContentOrder;
import io.syndication.content.ContentRepository;
import io.syndication.content.ContentStatus;
import io.syndication.content.Ingest;
import io.syndication.content.Viewer;
import io.syndication.http.validation.OnTheCalendar;
import io.syndication.content.validation.StorableText;
import io.syndication.http.Page;
import io.syndication.http.Problem;
import io.syndication.http.ProblemException;
import io.syndication.http.Roles;
import io.syndication.http.Versions;
import io.syndication.http.validation.Territory;

@Path("/api/v1/content")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PARTNER, Roles.OPERATOR, Roles.ADMIN })
@Tag(name = "Content", description = "The catalogue of partner content")
public class ContentResource {

    private final Catalogue catalogue;
    private final Viewers viewers;
    private final ContentChecks checks;

    public ContentResource(Catalogue catalogue, Viewers viewers, ContentChecks checks) {
        this.catalogue = catalogue;
        this.viewers = viewers;
        this.checks = checks;
    }

    @POST
    @RolesAllowed(Roles.PARTNER)
    @APIResponse(responseCode = "201", description = "Created as DRAFT; Location names it, the ETag header carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContentView.class)))
    @Operation(operationId = "createContent", summary = "Submit a new content item",
            description = "Creates a DRAFT item for your own partner. A second item with the same externalId is 409: use PUT on it.")
    public Uni<Response> create(@NotNull @Valid ContentRequest request) {
        if (request.externalId() == null) {
            throw ProblemException.invalidField("externalId", "is required");
        }
        return catalogue.create(viewers.partner(), request.externalId(), request.toFields())
                .map(item -> Response.created(URI.create("/api/v1/content/" + item.id))
                        .tag(Versions.etag(item.version)).entity(ContentView.of(item)).build());
    }

    @PUT
    @Path("/external/{externalId}")
    @RolesAllowed(Roles.PARTNER)
    @APIResponse(responseCode = "200", description = "Updated, or unchanged when it was sent before",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContentView.class)))
    @APIResponse(responseCode = "201", description = "Created as DRAFT",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContentView.class)))
    @Operation(operationId = "putContentByExternalId", summary = "Create or update an item by your own id",
            description = "Idempotent: sending the same item twice changes nothing and never makes a duplicate. Changing "
                    + "anything an approved item was reviewed for sends it back to SUBMITTED.")
    public Uni<Response> put(@PathParam("externalId") @Pattern(regexp = "[A-Za-z0-9._:-]{1,200}") String externalId,
            @NotNull @Valid ContentRequest request) {
        if (request.externalId() != null && !request.externalId().equals(externalId)) {
            throw ProblemException.invalidField("externalId", "must match the path, or be left out");
        }
        return catalogue.upsert(viewers.partner(), externalId, request.toFields())
                .map(done -> Response.status(done.outcome() == Ingest.Outcome.CREATED ? 201 : 200)
                        .location(URI.create("/api/v1/content/" + done.item().id))
                        .tag(Versions.etag(done.item().version)).entity(ContentView.of(done.item())).build());
    }

    @POST
    @Path("/batch")
    @RolesAllowed(Roles.PARTNER)
    @Operation(operationId = "batchContent", summary = "Create or update up to 1000 items",
            description = "Each item is created or updated by its externalId on its own; the answer lists each item's outcome "
                    + "(CREATED, UPDATED, UNCHANGED, or FAILED with its problem) in request order.")
    public Uni<BatchResult> batch(@NotNull @Valid BatchRequest request) {
        Viewer.Partner partner = viewers.partner();
        return catalogue.batch(partner, request.items().stream().map(checks::entry).toList()).map(BatchResult::of);
    }

    @GET
    @Operation(operationId = "listContent", summary = "Search content items",
            description = "A partner sees its own items, a channel operator the approved items of every partner, an admin all. "
                    + "Filters combine; q is free text over title and synopsis. sort is id (default), availableFrom, updatedAt or "
                    + "title, with - for descending; the order is stable and pages follow the next cursor.")
    public Uni<Page<ContentView>> list(@QueryParam("partner") UUID partner, @QueryParam("kind") ContentKind kind,
            @QueryParam("status") ContentStatus status, @QueryParam("territory") @Territory String territory,
            @QueryParam("category") ContentCategory category, @QueryParam("language") @StorableText String language,
            @QueryParam("availableAt") @OnTheCalendar Instant availableAt, @QueryParam("q") @StorableText String q,
            @QueryParam("sort") String sort,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @QueryParam("next") String next) {
        ContentOrder order = ContentOrder.parse(sort);
        if (order == null) {
            throw ProblemException.invalidField("sort", "must be one of " + ContentOrder.allowed());
        }
        ContentOrder.Position after = order.positionOf(Page.after(next));
        ContentRepository.Search search = new ContentRepository.Search(partner, kind, status, territory,
                category == null ? null : category.name(), language, availableAt, q);
        return catalogue.search(viewers.current(), search, order, after, limit + 1)
                .map(rows -> Page.of(rows, limit, order::cursorOf, ContentView::of));
    }

    @GET
    @Path("/{id}")
    @APIResponseSchema(value = ContentView.class, responseDescription = "The content item; the ETag header carries its version")
    @Operation(operationId = "getContent", summary = "Get a content item",
            description = "An item the caller may not see answers 404, exactly like one that does not exist.")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return catalogue.visible(viewers.current(), id).map(ContentResource::withETag);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @RolesAllowed(Roles.PARTNER)
    @APIResponseSchema(value = ContentView.class, responseDescription = "The changed item; the ETag header carries its version")
    @Operation(operationId = "updateContent", summary = "Change a content item",
            description = "Absent fields stay as they are; the result is checked as a whole. Send the ETag in If-Match (412 when "
                    + "stale). Changing anything an approved item was reviewed for sends it back to SUBMITTED.")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull ContentPatch patch) {
        Long expected = Versions.fromIfMatch(ifMatch);
        return catalogue.edit(viewers.partner(), id, expected,
                (externalId, current) -> checks.whole(patch.over(externalId, current)).toFields())
                .map(ContentResource::withETag);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Roles.PARTNER)
    @APIResponseSchema(value = ContentView.class, responseDescription = "The submitted item; the ETag header carries its version")
    @Operation(operationId = "submitContent", summary = "Submit an item for moderation", description = "DRAFT or REJECTED to SUBMITTED.")
    public Uni<Response> submit(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, ContentAction.SUBMIT, null, ifMatch);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "The approved item; the ETag header carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContentView.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing: an approval names the version reviewed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @Operation(operationId = "approveContent", summary = "Approve an item",
            description = "SUBMITTED to APPROVED: channels may schedule it. If-Match names the version you reviewed (its ETag); "
                    + "once the item has changed since, the approval is refused with 412.")
    public Uni<Response> approve(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH)
            @Parameter(required = true, description = "The ETag of the version you reviewed") String ifMatch) {
        return act(id, ContentAction.APPROVE, null, ifMatch);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "The rejected item; the ETag header carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContentView.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing: a rejection names the version reviewed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @Operation(operationId = "rejectContent", summary = "Reject an item",
            description = "SUBMITTED to REJECTED, with a reason the partner sees. If-Match names the version you reviewed "
                    + "(its ETag); once the item has changed since, the rejection is refused with 412.")
    public Uni<Response> reject(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH)
            @Parameter(required = true, description = "The ETag of the version you reviewed") String ifMatch,
            @NotNull @Valid ReasonRequest request) {
        return act(id, ContentAction.REJECT, request.reason(), ifMatch);
    }

    @POST
    @Path("/{id}/retire")
    @RolesAllowed({ Roles.PARTNER, Roles.ADMIN })
    @APIResponseSchema(value = ContentView.class, responseDescription = "The retired item; the ETag header carries its version")
    @Operation(operationId = "retireContent", summary = "Retire an item", description = "APPROVED to RETIRED: it is no longer scheduled.")
    public Uni<Response> retire(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return act(id, ContentAction.RETIRE, null, ifMatch);
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getContentHistory", summary = "Read an item's moderation history", description = "Oldest first.")
    public Uni<List<HistoryView>> history(@PathParam("id") UUID id) {
        return catalogue.history(viewers.current(), id).map(events -> events.stream().map(HistoryView::of).toList());
    }

    @GET
    @Path("/{id}/availability")
    @Operation(operationId = "getContentAvailability", summary = "May it air there, then?",
            description = "Whether the item may air in a territory at an instant and, if not, every reason: NOT_APPROVED, "
                    + "OUTSIDE_RIGHTS_WINDOW, TERRITORY_NOT_LICENSED, PARTNER_INACTIVE.")
    public Uni<AvailabilityView> availability(@PathParam("id") UUID id, @QueryParam("at") @NotNull @OnTheCalendar Instant at,
            @QueryParam("territory") @NotNull @Territory String territory) {
        return catalogue.reasonsAgainst(viewers.current(), id, at, territory)
                .map(reasons -> new AvailabilityView(reasons.isEmpty(), reasons));
    }

    @POST
    @Path("/availability")
    @Operation(operationId = "queryContentAvailability", summary = "May these items air there, then?",
            description = "The availability of up to 500 items at once, as GET /{id}/availability answers it for one, with "
                    + "each item and the sequence of its last event on the content topic. Items the caller may not see "
                    + "are left out, exactly like ones that do not exist.")
    public Uni<List<ItemAvailability>> availability(@NotNull @Valid AvailabilityQuery query) {
        return catalogue.availability(viewers.current(), query.ids(), query.at(), query.territory())
                .map(standings -> standings.stream().map(standing -> new ItemAvailability(ContentView.of(standing.item()),
                        standing.reasons().isEmpty(), standing.reasons(), standing.sequence())).toList());
    }

    private Uni<Response> act(UUID id, ContentAction action, String reason, String ifMatch) {
        Long version = Versions.fromIfMatch(ifMatch);
        return catalogue.perform(viewers.current(), id, action, reason, version).map(ContentResource::withETag);
    }

    private static Response withETag(ContentItem item) {
        return Response.ok(ContentView.of(item)).tag(Versions.etag(item.version)).build();
    }
}

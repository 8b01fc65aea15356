package io.syndication.schedule.slot.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.syndication.http.Roles;
import io.syndication.schedule.slot.Coverage;
import io.syndication.schedule.slot.SlotService;
import io.syndication.schedule.slot.SlotService.Planned;
import io.syndication.http.validation.OnTheCalendar;

@Path("/api/v1/channels/{channelId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATOR, Roles.ADMIN })
@Tag(name = "Schedules", description = "What each channel airs when")
public class SlotResource {

    private final SlotService service;

    public SlotResource(SlotService service) {
        this.service = service;
    }

    @POST
    @Path("/slots")
    @APIResponse(responseCode = "201", description = "Placed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SlotView.class)))
    @APIResponse(responseCode = "422", description = "A placement rule is broken: each one is listed")
    @Operation(operationId = "placeSlot", summary = "Place content on the channel",
            description = "A programme or clip ends when its duration does; a live event needs its end. The content must be "
                    + "APPROVED, licensed over the whole slot, for all the channel's territories, from an ACTIVE partner "
                    + "(422 naming each broken rule); a slot in the way is 409, naming it.")
    public Uni<Response> place(@PathParam("channelId") UUID channelId, @NotNull @Valid SlotRequest request,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String token) {
        return service.channel(channelId)
                .flatMap(channel -> service.place(channel, planned(request), token))
                .map(slot -> Response.created(URI.create("/api/v1/channels/" + channelId + "/slots/" + slot.id))
                        .entity(SlotView.of(slot)).build());
    }

    @PATCH
    @Path("/slots/{slotId}")
    @Operation(operationId = "moveSlot", summary = "Move a slot",
            description = "To a new start, keeping its length; the placement rules and the free time are checked again.")
    public Uni<SlotView> move(@PathParam("channelId") UUID channelId, @PathParam("slotId") UUID slotId,
            @NotNull @Valid SlotMove move, @HeaderParam(HttpHeaders.AUTHORIZATION) String token) {
        return service.channel(channelId).flatMap(channel -> service.slot(channelId, slotId)
                .flatMap(slot -> service.move(channel, slot, move.start(), token)))
                .map(SlotView::of);
    }

    @DELETE
    @Path("/slots/{slotId}")
    @Operation(operationId = "removeSlot", summary = "Remove a slot", description = "Its time becomes a gap.")
    public Uni<Response> remove(@PathParam("channelId") UUID channelId, @PathParam("slotId") UUID slotId) {
        return service.remove(channelId, slotId).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/now")
    @Operation(operationId = "getNowAndNext", summary = "What is on air now, and next",
            description = "The slot on air now (null in a gap) and the next three.")
    public Uni<NowView> now(@PathParam("channelId") UUID channelId) {
        Instant now = Instant.now();
        return service.channel(channelId).flatMap(channel -> service.fromNow(channel, now, 3)).map(upcoming -> {
            boolean onAir = !upcoming.isEmpty() && !upcoming.get(0).startAt.isAfter(now);
            List<SlotView> views = upcoming.stream().map(SlotView::of).toList();
            return onAir ? new NowView(views.get(0), views.subList(1, views.size()))
                    : new NowView(null, views.subList(0, Math.min(3, views.size())));
        });
    }

    @GET
    @Path("/slots")
    @Operation(operationId = "listSlots", summary = "The channel's slots in a window",
            description = "Every slot that overlaps [from, to), in start order.")
    public Uni<List<SlotView>> list(@PathParam("channelId") UUID channelId,
            @QueryParam("from") @NotNull @OnTheCalendar Instant from, @QueryParam("to") @NotNull @OnTheCalendar Instant to) {
        return service.channel(channelId, from, to).flatMap(channel -> service.slots(channel, from, to))
                .map(found -> found.stream().map(SlotView::of).toList());
    }

    @PUT
    @Path("/slots")
    @Operation(operationId = "replaceWindow", summary = "Replace a whole window of the schedule",
            description = "All or nothing: every slot in [from, to) is replaced by those sent, which must lie in the window, "
                    + "not overlap each other (400 naming each by its index) and pass the placement rules (422 naming each "
                    + "slot and rule). A slot already there that crosses the window's edges is 409.")
    public Uni<List<SlotView>> replace(@PathParam("channelId") UUID channelId,
            @QueryParam("from") @NotNull @OnTheCalendar Instant from, @QueryParam("to") @NotNull @OnTheCalendar Instant to,
            @NotNull @Size(max = SlotService.MAX_SLOTS) List<@NotNull @Valid SlotRequest> window, @HeaderParam(HttpHeaders.AUTHORIZATION) String token) {
        return service.channel(channelId, from, to)
                .flatMap(channel -> service.replace(channel, from, to, window.stream().map(SlotResource::planned).toList(), token))
                .map(placed -> placed.stream().map(SlotView::of).toList());
    }

    @POST
    @Path("/fill")
    // the window is in the query: a body, if any, is ignored
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "fillGaps", summary = "Fill every gap of a window from the filler rotation",
            description = "The channel's filler items air in rotation, back to back from each gap's start; one that does not "
                    + "fit the rest of a gap, or whose rights end sooner, is cut (cut: true). Time where no filler is "
                    + "licensed stays a gap. 422 when the channel has no filler that may air.")
    public Uni<FillView> fill(@PathParam("channelId") UUID channelId,
            @QueryParam("from") @NotNull @OnTheCalendar Instant from, @QueryParam("to") @NotNull @OnTheCalendar Instant to,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String token) {
        return service.channel(channelId, from, to).flatMap(channel -> service.fill(channel, from, to, token)).map(FillView::of);
    }

    @POST
    @Path("/live")
    @APIResponse(responseCode = "201", description = "On air, with every slot it changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LiveView.class)))
    @Operation(operationId = "goLive", summary = "Insert a live event over the schedule",
            description = "PUSH moves later slots later until a gap absorbs them or the next live event stops them (what no "
                    + "longer fits before it is cut or removed); TRIM cuts overlapped slots around the event (one spanning it "
                    + "resumes after it); DROP removes them. Another live event in the way is 409.")
    public Uni<Response> goLive(@PathParam("channelId") UUID channelId, @NotNull @Valid LiveRequest request,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String token) {
        return service.channel(channelId)
                .flatMap(channel -> service.goLive(channel, request.contentId(), request.start(), request.end(),
                        request.policy(), token))
                .map(edit -> Response.created(URI.create("/api/v1/channels/" + channelId + "/slots/" + edit.live().id))
                        .entity(LiveView.of(edit)).build());
    }

    @PATCH
    @Path("/live/{slotId}")
    @Operation(operationId = "extendLive", summary = "Extend a live event running long",
            description = "Its slot ends later; the extra time is cleared under the policy, as when it went live.")
    public Uni<LiveView> extendLive(@PathParam("channelId") UUID channelId, @PathParam("slotId") UUID slotId,
            @NotNull @Valid LiveExtension extension, @HeaderParam(HttpHeaders.AUTHORIZATION) String token) {
        return service.channel(channelId)
                .flatMap(channel -> service.extendLive(channel, slotId, extension.end(), extension.policy(), token))
                .map(LiveView::of);
    }

    @GET
    @Path("/validation")
    @Operation(operationId = "validateWindow", summary = "What is wrong with a window of the schedule",
            description = "Every gap, and every slot whose content may no longer air then: CONTENT_NOT_APPROVED (retired or "
                    + "re-submitted since placement), RIGHTS_EXPIRED, TERRITORY_MISMATCH, PARTNER_INACTIVE; in time order.")
    public Uni<ValidationView> validate(@PathParam("channelId") UUID channelId,
            @QueryParam("from") @NotNull @OnTheCalendar Instant from, @QueryParam("to") @NotNull @OnTheCalendar Instant to,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String token) {
        return service.channel(channelId, from, to).flatMap(channel -> service.validate(channel, from, to, token))
                .map(ValidationView::new);
    }

    @GET
    @Path("/gaps")
    @Operation(operationId = "listGaps", summary = "What the schedule leaves uncovered in a window",
            description = "Every uncovered interval of [from, to) and the fraction of the window covered.")
    public Uni<Coverage> gaps(@PathParam("channelId") UUID channelId,
            @QueryParam("from") @NotNull @OnTheCalendar Instant from, @QueryParam("to") @NotNull @OnTheCalendar Instant to) {
        return service.channel(channelId, from, to).flatMap(channel -> service.slots(channel, from, to))
                .map(found -> Coverage.of(from, to, found));
    }

    private static Planned planned(SlotRequest request) {
        return new Planned(request.contentId(), request.start(), request.end());
    }
}

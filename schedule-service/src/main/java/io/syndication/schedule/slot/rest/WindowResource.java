package io.syndication.schedule.slot.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.syndication.http.Roles;
import io.syndication.schedule.slot.WindowService;
import io.syndication.http.validation.OnTheCalendar;

/** Whole windows of a channel's schedule: replaced at once, or their gaps filled. */
@Path("/api/v1/channels/{channelId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATOR, Roles.ADMIN })
@Tag(name = "Schedules")
public class WindowResource {

    private final WindowService service;

    public WindowResource(WindowService service) {
        this.service = service;
    }

    @PUT
    @Path("/slots")
    @Operation(operationId = "replaceWindow", summary = "Replace a whole window of the schedule",
            description = "All or nothing: every slot in [from, to) is replaced by those sent, which must lie in the window, "
                    + "not overlap each other (400 naming each by its index) and pass the placement rules (422 naming each "
                    + "slot and rule). A slot already there that crosses the window's edges is 409.")
    public Uni<List<SlotView>> replace(@PathParam("channelId") UUID channelId,
            @QueryParam("from") @NotNull @OnTheCalendar Instant from, @QueryParam("to") @NotNull @OnTheCalendar Instant to,
            @NotNull @Size(max = WindowService.MAX_SLOTS) List<@NotNull @Valid SlotRequest> window) {
        return service.replace(channelId, from, to, window.stream().map(SlotRequest::planned).toList())
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
            @QueryParam("from") @NotNull @OnTheCalendar Instant from, @QueryParam("to") @NotNull @OnTheCalendar Instant to) {
        return service.fill(channelId, from, to).map(FillView::of);
    }
}

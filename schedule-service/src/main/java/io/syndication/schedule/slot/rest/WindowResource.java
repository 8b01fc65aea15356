package io.syndication.schedule.slot.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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

/** A whole window of a channel's schedule at once. */
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
}

package io.syndication.schedule.slot.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.syndication.http.Roles;
import io.syndication.schedule.slot.FillService;
import io.syndication.http.validation.OnTheCalendar;

/** Gaps filled from the channel's filler rotation. */
@Path("/api/v1/channels/{channelId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATOR, Roles.ADMIN })
@Tag(name = "Schedules")
public class FillResource {

    private final FillService service;

    public FillResource(FillService service) {
        this.service = service;
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

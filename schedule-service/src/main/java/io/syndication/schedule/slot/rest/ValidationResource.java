package io.syndication.schedule.slot.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.syndication.http.Roles;
import io.syndication.schedule.slot.ValidationService;
import io.syndication.http.validation.OnTheCalendar;

/** What is wrong with a window of the schedule. */
@Path("/api/v1/channels/{channelId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATOR, Roles.ADMIN })
@Tag(name = "Schedules")
public class ValidationResource {

    private final ValidationService service;

    public ValidationResource(ValidationService service) {
        this.service = service;
    }

    @GET
    @Path("/validation")
    @Operation(operationId = "validateWindow", summary = "What is wrong with a window of the schedule",
            description = "Every gap, and every slot whose content may no longer air then: CONTENT_NOT_APPROVED (retired or "
                    + "re-submitted since placement), RIGHTS_EXPIRED, TERRITORY_MISMATCH, PARTNER_INACTIVE; in time order.")
    public Uni<ValidationView> validate(@PathParam("channelId") UUID channelId,
            @QueryParam("from") @NotNull @OnTheCalendar Instant from, @QueryParam("to") @NotNull @OnTheCalendar Instant to) {
        return service.validate(channelId, from, to)
                .map(ValidationView::new);
    }
}

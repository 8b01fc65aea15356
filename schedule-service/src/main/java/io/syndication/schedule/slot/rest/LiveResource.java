package io.syndication.schedule.slot.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.syndication.http.Roles;
import io.syndication.schedule.slot.LiveService;

/** Live events over the schedule. */
@Path("/api/v1/channels/{channelId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATOR, Roles.ADMIN })
@Tag(name = "Schedules")
public class LiveResource {

    private final LiveService service;

    public LiveResource(LiveService service) {
        this.service = service;
    }

    @POST
    @Path("/live")
    @APIResponse(responseCode = "201", description = "On air, with every slot it changed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LiveView.class)))
    @APIResponse(responseCode = "200", description = "With dryRun=true: what it would do now, nothing changed. The slots it "
            + "would make (the live event's, the rest of one it interrupts) have no id yet.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LiveView.class)))
    @Operation(operationId = "goLive", summary = "Insert a live event over the schedule",
            description = "PUSH moves later slots later until a gap absorbs them or the next live event stops them (what no "
                    + "longer fits before it is cut or removed); TRIM cuts overlapped slots around the event (one spanning it "
                    + "resumes after it); DROP removes them. Another live event in the way is 409. With dryRun=true nothing is "
                    + "changed, locked or announced: the answer says what the insertion would do on the schedule as it is now, "
                    + "or the problem it would be refused with.")
    public Uni<Response> goLive(@PathParam("channelId") UUID channelId,
            @Parameter(description = "true: only say what the insertion would do",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
            @QueryParam("dryRun") @DefaultValue("false") @Pattern(regexp = "true|false", message = "must be true or false") String dryRun,
            @NotNull @Valid LiveRequest request) {
        if (Boolean.parseBoolean(dryRun)) {
            return service.previewLive(channelId, request.contentId(), request.start(), request.end(), request.policy())
                    .map(edit -> Response.ok(LiveView.of(edit)).build());
        }
        return service.goLive(channelId, request.contentId(), request.start(), request.end(), request.policy())
                .map(edit -> Response.created(URI.create("/api/v1/channels/" + channelId + "/slots/" + edit.live().id))
                        .entity(LiveView.of(edit)).build());
    }

    @PATCH
    @Path("/live/{slotId}")
    @Operation(operationId = "extendLive", summary = "Extend a live event running long",
            description = "Its slot ends later; the extra time is cleared under the policy, as when it went live.")
    public Uni<LiveView> extendLive(@PathParam("channelId") UUID channelId, @PathParam("slotId") UUID slotId,
            @NotNull @Valid LiveExtension extension) {
        return service.extendLive(channelId, slotId, extension.end(), extension.policy()).map(LiveView::of);
    }
}

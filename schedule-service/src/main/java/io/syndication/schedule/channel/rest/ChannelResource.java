package io.syndication.schedule.channel.rest;

import java.net.URI;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.syndication.http.Page;
import io.syndication.http.Roles;
import io.syndication.http.Versions;
import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.channel.ChannelService;

@Path("/api/v1/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATOR, Roles.ADMIN })
@Tag(name = "Channels", description = "Round-the-clock channels run by channel operators")
public class ChannelResource {

    private final ChannelService service;

    public ChannelResource(ChannelService service) {
        this.service = service;
    }

    @POST
    @APIResponse(responseCode = "201", description = "Channel created; Location names it, the ETag header carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    @Operation(operationId = "createChannel", summary = "Create a channel")
    public Uni<Response> create(@NotNull @Valid ChannelRequest request) {
        return service.create(request.slug(), request.name(), request.timeZone(), request.territories(),
                request.fillerContentIds(), request.healing())
                .map(channel -> Response.created(URI.create("/api/v1/channels/" + channel.id))
                        .tag(Versions.etag(channel.version))
                        .entity(ChannelView.of(channel))
                        .build());
    }

    @GET
    @Operation(operationId = "listChannels", summary = "List channels", description = "Channels in slug order, with cursor paging.")
    public Uni<Page<ChannelView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @QueryParam("next") String next) {
        return service.listAfter(Page.after(next), limit + 1)
                .map(rows -> Page.of(rows, limit, (Channel c) -> c.slug, ChannelView::of));
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The channel; the ETag header carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    @Operation(operationId = "getChannel", summary = "Get a channel")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.get(id).map(channel -> Response.ok(ChannelView.of(channel)).tag(Versions.etag(channel.version)).build());
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @APIResponse(responseCode = "200", description = "The channel; the ETag header carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChannelView.class)))
    @Operation(operationId = "updateChannel", summary = "Change a channel",
            description = "Absent fields stay as they are. Send the ETag in If-Match to be sure nobody changed it since you read it.")
    public Uni<Response> update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull @Valid ChannelPatch patch) {
        return service.update(id, Versions.fromIfMatch(ifMatch), patch.toChange())
                .map(channel -> Response.ok(ChannelView.of(channel)).tag(Versions.etag(channel.version)).build());
    }
}

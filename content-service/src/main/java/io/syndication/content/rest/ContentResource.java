package io.syndication.content.rest;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.syndication.content.ContentItem;
import io.syndication.content.ContentRepository;
import io.syndication.http.Page;
import io.syndication.http.ProblemException;
import io.syndication.http.Roles;
import io.syndication.http.Versions;

@Path("/api/v1/content")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PARTNER, Roles.OPERATOR, Roles.ADMIN })
@Tag(name = "Content", description = "The catalogue of partner content")
public class ContentResource {

    private final ContentRepository items;
    private final Viewers viewers;

    public ContentResource(ContentRepository items, Viewers viewers) {
        this.items = items;
        this.viewers = viewers;
    }

    @GET
    @Operation(operationId = "listContent", summary = "List content items",
            description = "A partner sees its own items, a channel operator the approved items of every partner, an admin all.")
    public Uni<Page<ContentView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @QueryParam("next") String next) {
        String after = Page.after(next);
        return items.listVisible(viewers.current(), after == null ? null : parseCursor(after), limit + 1)
                .map(rows -> Page.of(rows, limit, (ContentItem item) -> item.id.toString(), ContentView::of));
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "200", description = "The content item; the ETag header carries its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContentView.class)))
    @Operation(operationId = "getContent", summary = "Get a content item",
            description = "An item the caller may not see answers 404, exactly like one that does not exist.")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return items.findVisible(viewers.current(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Content item " + id))
                .map(item -> Response.ok(ContentView.of(item)).tag(Versions.etag(item.version)).build());
    }

    private static UUID parseCursor(String after) {
        try {
            return UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw Page.invalidCursor();
        }
    }
}

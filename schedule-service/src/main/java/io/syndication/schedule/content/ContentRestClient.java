package io.syndication.schedule.content;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * content-service's API, as much of it as scheduling uses. Every call carries the operator's own
 * token (propagated from the request it serves, see {@code propagateHeaders}), so the operator sees
 * exactly the items content-service lets it see.
 */
@Path("/api/v1/content")
@RegisterRestClient(configKey = "content-service")
@RegisterClientHeaders
interface ContentRestClient {

    @GET
    @Path("/{id}")
    Uni<ContentItem> get(@PathParam("id") String id);

    @GET
    @Path("/{id}/availability")
    Uni<Availability> availability(@PathParam("id") String id, @QueryParam("at") Instant at,
            @QueryParam("territory") String territory);

    record Availability(boolean available, List<Unavailability> reasons) {
    }
}

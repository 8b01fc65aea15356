package io.syndication.schedule.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

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

    /** At most this many items are asked about in one call. */
    int MOST_ITEMS = 500;

    @POST
    @Path("/availability")
    Uni<List<Availability>> availability(Query query);

    record Query(List<UUID> ids, Instant at, String territory) {
    }

    /** One item the operator may see: the item, every reason it may not air, and the sequence of its last event. */
    record Availability(ContentItem content, List<Unavailability> reasons, long sequence) {
    }
}

package io.syndication.schedule.client;

import java.time.Instant;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** content-service's API, as much of it as scheduling uses, called with the operator's own token. */
@Path("/api/v1/content")
@RegisterRestClient(configKey = "content-service")
public interface ContentRestClient {

    @GET
    @Path("/{id}")
    Uni<ContentRecord> get(@PathParam("id") String id, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/{id}/availability")
    Uni<Availability> availability(@PathParam("id") String id, @QueryParam("at") Instant at,
            @QueryParam("territory") String territory, @HeaderParam("Authorization") String authorization);

    /** What scheduling needs of a content item. */
    record ContentRecord(String id, String partnerId, String kind, String title, String status, Integer durationSeconds,
            Instant start, Instant end, String ageRating, Instant availableFrom, Instant availableUntil,
            List<String> territories) {
    }

    record Availability(boolean available, List<String> reasons) {
    }
}

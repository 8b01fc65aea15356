package io.syndication.content.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * partner-service's API, as much of it as content-service uses. Every call carries the caller's own
 * token (the headers named by {@code org.eclipse.microprofile.rest.client.propagateHeaders}): partner-service
 * answers for the partner that token names, and checks its roles itself.
 */
@Path("/api/v1/partners")
@RegisterRestClient(configKey = "partner-service")
@RegisterClientHeaders
public interface PartnerRestClient {

    /** The partner the token names; partner-service refuses (403) the token of a partner that is not ACTIVE. */
    @GET
    @Path("/me")
    Uni<PartnerRecord> me();

    /** Any partner, for an admin's or operator's token. */
    @GET
    @Path("/{id}")
    Uni<PartnerRecord> get(@PathParam("id") String id);

    /** The fields of a partner record content-service cares about. */
    record PartnerRecord(String id, PartnerStatus status, List<String> territories) {

        boolean active() {
            return status == PartnerStatus.ACTIVE;
        }
    }
}

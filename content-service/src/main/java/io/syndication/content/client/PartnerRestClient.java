package io.syndication.content.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** partner-service's API, as much of it as content-service uses. */
@Path("/api/v1/partners")
@RegisterRestClient(configKey = "partner-service")
public interface PartnerRestClient {

    /** The partner the token names; partner-service refuses (403) the token of a partner that is not ACTIVE. */
    @GET
    @Path("/me")
    Uni<PartnerRecord> me(@HeaderParam("Authorization") String authorization);

    /** Any partner, for an admin's or operator's token. */
    @GET
    @Path("/{id}")
    Uni<PartnerRecord> get(@PathParam("id") String id, @HeaderParam("Authorization") String authorization);

    /** The fields of a partner record content-service cares about. */
    record PartnerRecord(String id, String status, List<String> territories) {
    }
}

package io.syndication.schedule.guide;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.syndication.http.Roles;
import io.syndication.schedule.validation.Windows;
import io.vertx.core.buffer.Buffer;

/**
 * One channel's guide as JSON. It streams: programmes go out in chunks page by page as they are
 * read, so memory does not grow with the guide.
 */
@Path("/api/v1/channels/{channelId}/guide")
@RolesAllowed({ Roles.OPERATOR, Roles.ADMIN })
@Tag(name = "Guide", description = "What the channels air, by local day, as JSON and XMLTV")
public class GuideResource {

    private final GuideService guides;
    private final ObjectMapper json;

    public GuideResource(GuideService guides, ObjectMapper json) {
        this.guides = guides;
        this.json = json;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "The guide",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GuideDocument.class)))
    @Operation(operationId = "getGuide", summary = "A channel's guide for local days",
            description = "From midnight of date (default today) in the channel's time zone, for days days (1-31): days of 23 "
                    + "and 25 hours around daylight-saving changes included. Times carry the channel's offset.")
    public RestMulti<Buffer> guide(@PathParam("channelId") UUID channelId, @QueryParam("date") String date,
            @QueryParam("days") @DefaultValue("1") @Min(1) @Max(Windows.MAX_DAYS) int days) {
        LocalDate day = Guides.localDate(date);
        Multi<String> document = guides.channel(channelId).onItem().transformToMulti(channel -> {
                    GuideWindow window = GuideWindow.ofDays(channel, day, days, Instant.now());
                    String opening = write(GuideDocument.opening(window, days));
                    // the document's programmes go where its empty list was
                    String head = opening.substring(0, opening.lastIndexOf("[]")) + "[";
                    Multi<String> programmes = guides.programmes(List.of(window))
                            .map(slot -> write(GuideDocument.Programme.of(window, slot)))
                            .group().intoLists().of(Guides.PROGRAMMES_PER_CHUNK).map(chunk -> String.join(",", chunk));
                    return Guides.concat(head, commaSeparated(programmes), "]}");
                });
        return RestMulti.fromMultiData(document.map(Buffer::buffer)).encodeAsJsonArray(false).build();
    }

    /** Chunks of a JSON list joined by commas: each chunk after the first starts with one. */
    private static Multi<String> commaSeparated(Multi<String> chunks) {
        boolean[] first = { true };
        return chunks.map(chunk -> {
            if (first[0]) {
                first[0] = false;
                return chunk;
            }
            return "," + chunk;
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A guide entry could not be written as JSON", e);
        }
    }
}

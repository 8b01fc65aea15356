package io.syndication.schedule.healing.rest;

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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.syndication.http.Page;
import io.syndication.http.Roles;
import io.syndication.schedule.healing.HealTable;
import io.syndication.schedule.healing.Healing;

/** What healing did to a channel's schedule, for its operators to review. */
@Path("/api/v1/channels/{channelId}/heals")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.OPERATOR, Roles.ADMIN })
@Tag(name = "Schedules")
public class HealResource {

    private final Healing healing;

    public HealResource(Healing healing) {
        this.healing = healing;
    }

    @GET
    @APIResponse(responseCode = "200", description = "One page of the channel's heals, newest first; next is the cursor of "
            + "the following page, null on the last", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    examples = @ExampleObject(name = "retired", summary = "An item retired the day before it aired",
                            value = HealResource.EXAMPLE)))
    @Operation(operationId = "listHeals", summary = "What healing did to the channel's schedule",
            description = "Every slot whose content could no longer air where it was scheduled (retired, rejected or "
                    + "re-submitted; its rights window or territories no longer covering it; its partner suspended or "
                    + "terminated), as learnt from content-service's and partner-service's events, and what the channel's "
                    + "healing policy did about it: the slot, the reason, the filler that took its place, the event. Newest "
                    + "first, with cursor paging.")
    public Uni<Page<HealView>> list(@PathParam("channelId") UUID channelId,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @QueryParam("next") String next) {
        return healing.heals(channelId, Page.afterPosition(next), limit + 1)
                .map(rows -> Page.of(rows, limit, (HealTable.Recorded row) -> Long.toString(row.position()),
                        row -> HealView.of(row.heal())));
    }

    static final String EXAMPLE = """
            {"items": [{"id": "3f0c2a9e-7d41-4b8e-a1c5-9e2f4d6b8a10", "slotId": "8b1d5e2c-4a3f-4c6d-9e8f-0a1b2c3d4e5f",
              "channelId": "c0a8012e-5b6d-4f7a-8e9b-1c2d3e4f5a6b", "contentId": "5a1e0000-0000-4000-8000-000000000001",
              "start": "2026-12-07T01:00:00Z", "end": "2026-12-07T01:25:00Z", "action": "FILLED",
              "reason": "CONTENT_NOT_APPROVED", "detail": "the content is RETIRED", "freedFrom": "2026-12-07T01:00:00Z",
              "replacements": [
                {"slotId": "0d9e8f7a-6b5c-4d3e-9f1a-2b3c4d5e6f70", "contentId": "5a1e0000-0000-4000-8000-000000000005",
                 "title": "Market Minute", "start": "2026-12-07T01:00:00Z", "end": "2026-12-07T01:10:00Z", "cut": false},
                {"slotId": "1e0f9a8b-7c6d-4e5f-8a1b-3c4d5e6f7a81", "contentId": "5a1e0000-0000-4000-8000-000000000005",
                 "title": "Market Minute", "start": "2026-12-07T01:10:00Z", "end": "2026-12-07T01:20:00Z", "cut": false},
                {"slotId": "2f1a0b9c-8d7e-4f6a-9b2c-4d5e6f7a8b92", "contentId": "5a1e0000-0000-4000-8000-000000000005",
                 "title": "Market Minute", "start": "2026-12-07T01:20:00Z", "end": "2026-12-07T01:25:00Z", "cut": true}],
              "eventId": "0b9c6e0a-2f7d-4e53-8c1a-6d2e9f3b4a57", "eventType": "content.retired",
              "healedAt": "2026-12-06T12:00:00.412345Z"}],
             "next": "MTI"}""";
}

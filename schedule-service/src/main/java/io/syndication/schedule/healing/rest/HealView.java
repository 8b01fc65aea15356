package io.syndication.schedule.healing.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.schedule.healing.Heal;
import io.syndication.schedule.slot.Finding;

/** One heal as the API shows it: instants in UTC. */
public record HealView(
        @Schema(examples = "3f0c2a9e-7d41-4b8e-a1c5-9e2f4d6b8a10") UUID id,
        @Schema(description = "The slot healed; it no longer exists unless it was FLAGGED or cut on air",
                examples = "8b1d5e2c-4a3f-4c6d-9e8f-0a1b2c3d4e5f") UUID slotId,
        UUID channelId,
        @Schema(description = "The content item that may no longer air there", examples = "5a1e0000-0000-4000-8000-000000000001")
        UUID contentId,
        @Schema(description = "Where the slot began, as it was", examples = "2026-12-07T01:00:00Z") Instant start,
        @Schema(description = "Where the slot ended, as it was", examples = "2026-12-07T01:30:00Z") Instant end,
        @Schema(description = "FILLED: removed (cut at freedFrom if on air) and the time filled from the filler rotation; "
                + "CLEARED: removed or cut, and the time left a gap because no filler may air there; FLAGGED: left in place "
                + "under the channel's healing policy FLAG (recorded once per slot and reason)", examples = "FILLED")
        Heal.Action action,
        @Schema(description = "Why the content may no longer air there, as validation names it", examples = "CONTENT_NOT_APPROVED")
        Finding.Reason reason,
        @Schema(examples = "the content is RETIRED") String detail,
        @Schema(description = "Where the time given back begins: the slot's start, or the moment a slot on air was cut; "
                + "null when flagged", examples = "2026-12-07T01:00:00Z") Instant freedFrom,
        @Schema(description = "The filler slots that took its place, in start order") List<Replacement> replacements,
        @Schema(description = "The CloudEvents id of the content or partner event that made it so",
                examples = "0b9c6e0a-2f7d-4e53-8c1a-6d2e9f3b4a57") String eventId,
        @Schema(examples = "content.retired") String eventType,
        @Schema(examples = "2026-12-06T12:00:00.412345Z") Instant healedAt) {

    /** A filler slot put in the healed slot's place. */
    public record Replacement(UUID slotId, UUID contentId, @Schema(examples = "Market Minute") String title,
            @Schema(examples = "2026-12-07T01:00:00Z") Instant start, @Schema(examples = "2026-12-07T01:10:00Z") Instant end,
            @Schema(description = "True when the filler was cut to fit") boolean cut) {
    }

    static HealView of(Heal heal) {
        return new HealView(heal.id(), heal.slotId(), heal.channelId(), heal.contentId(), heal.slotStart(), heal.slotEnd(),
                heal.action(), heal.reason(), heal.detail(), heal.freedFrom(),
                heal.replacements().stream().map(one -> new Replacement(one.slotId(), one.contentId(), one.title(), one.start(),
                        one.end(), one.cut())).toList(),
                heal.eventId(), heal.eventType(), heal.healedAt());
    }
}

package io.syndication.schedule.slot.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.schedule.slot.Slot;
import io.syndication.schedule.slot.SlotKind;

/** A slot as the API shows it: instants in UTC, the slot half-open. */
public record SlotView(UUID id, UUID channelId, UUID contentId,
        @Schema(description = "The partner whose content airs in the slot, as the content was when it was placed")
        UUID partnerId,
        Instant start, Instant end, SlotKind kind, String title,
        @Schema(description = "True when the slot is shorter than its content: filler cut to fit, or trimmed by a live event")
        boolean cut) {

    public static SlotView of(Slot slot) {
        return new SlotView(slot.id, slot.channelId, slot.contentId, slot.partnerId, slot.startAt, slot.endAt, slot.kind,
                slot.title, slot.cut);
    }
}

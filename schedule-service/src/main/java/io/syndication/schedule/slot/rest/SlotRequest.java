package io.syndication.schedule.slot.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.syndication.http.validation.OnTheCalendar;
import io.syndication.schedule.slot.PlannedSlot;

/** Content to place on a channel from {@code start}; {@code end} only for a live event. */
public record SlotRequest(
        @NotNull UUID contentId,
        @Schema(examples = "2026-12-14T08:00:00+08:00") @OnTheCalendar @NotNull Instant start,
        @Schema(description = "Live events only: a programme or clip ends when its duration does") @OnTheCalendar Instant end) {

    PlannedSlot planned() {
        return new PlannedSlot(contentId, start, end);
    }
}

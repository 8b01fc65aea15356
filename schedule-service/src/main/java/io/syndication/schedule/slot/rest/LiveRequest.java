package io.syndication.schedule.slot.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.schedule.slot.LivePolicy;
import io.syndication.http.validation.OnTheCalendar;

/** A live event to put on air over {@code [start, end)}, and what happens to the slots already there. */
public record LiveRequest(
        @NotNull UUID contentId,
        @Schema(examples = "2026-12-14T14:00:00+05:30") @OnTheCalendar @NotNull Instant start,
        @Schema(examples = "2026-12-14T22:00:00+05:30") @OnTheCalendar @NotNull Instant end,
        @NotNull LivePolicy policy) {
}

package io.syndication.schedule.slot.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.schedule.slot.LivePolicy;
import io.syndication.http.validation.OnTheCalendar;

/** A live event running long: its new end, and what happens to the slots in the extra time. */
public record LiveExtension(
        @Schema(examples = "2026-12-14T23:30:00+05:30") @OnTheCalendar @NotNull Instant end,
        @NotNull LivePolicy policy) {
}

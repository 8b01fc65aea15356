package io.syndication.schedule.slot.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;
import io.syndication.http.validation.OnTheCalendar;

/** Where a slot moves: its new start; it keeps its length. */
public record SlotMove(@OnTheCalendar @NotNull Instant start) {
}

package io.syndication.schedule.slot.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotNull;

/** Where a slot moves: its new start; it keeps its length. */
public record SlotMove(@NotNull Instant start) {
}

package io.syndication.schedule.slot;

import java.time.Instant;
import java.util.UUID;

/** A slot an operator asks for: its content, its start, and its end only for a live event. */
public record PlannedSlot(UUID contentId, Instant start, Instant end) {
}

package io.syndication.schedule.healing;

import java.time.Instant;

/**
 * The event that made slots heal: its CloudEvents id and type, recorded with each heal, and when the
 * change it announces was made. A slot placed after that was confirmed with content-service when it
 * was placed, against a state as new as the event's or newer, so the event does not judge it: a late
 * event never removes what was placed on better knowledge.
 */
public record Cause(String eventId, String eventType, Instant occurredAt) {
}

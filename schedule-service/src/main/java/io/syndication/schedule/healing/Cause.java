package io.syndication.schedule.healing;

/** The event that made slots heal: its CloudEvents id and type, recorded with each heal. */
public record Cause(String eventId, String eventType) {
}

package io.syndication.content.rest;

import java.time.Instant;

import io.syndication.content.ContentEvent;
import io.syndication.content.ContentStatus;

/** One step of an item's moderation history. */
public record HistoryView(String actor, String action, ContentStatus fromStatus, ContentStatus toStatus, String reason,
        Instant occurredAt) {

    static HistoryView of(ContentEvent event) {
        return new HistoryView(event.actor, event.action, event.fromStatus, event.toStatus, event.reason,
                event.occurredAt);
    }
}

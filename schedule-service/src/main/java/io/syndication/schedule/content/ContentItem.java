package io.syndication.schedule.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What scheduling needs of a content item, as content-service shows it to the operator, and the
 * sequence of the last event about the item that this state reflects (0 when none is known): a slot
 * remembers it, so that only an event newer than what its placement knew heals it.
 */
public record ContentItem(UUID id, UUID partnerId, ContentKind kind, String title, ContentStatus status,
        Integer durationSeconds, Instant start, Instant end, String ageRating, Instant availableFrom,
        Instant availableUntil, List<String> territories, long sequence) {

    /** The same state, known to reflect the item's events up to {@code sequence}. */
    public ContentItem asOf(long sequence) {
        return new ContentItem(id, partnerId, kind, title, status, durationSeconds, start, end, ageRating, availableFrom,
                availableUntil, territories, sequence);
    }

    public boolean isLive() {
        return kind == ContentKind.LIVE_EVENT;
    }
}

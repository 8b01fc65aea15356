package io.syndication.schedule.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What scheduling needs of a content item, as content-service shows it to the operator. */
public record ContentItem(UUID id, UUID partnerId, ContentKind kind, String title, ContentStatus status,
        Integer durationSeconds, Instant start, Instant end, String ageRating, Instant availableFrom,
        Instant availableUntil, List<String> territories) {

    public boolean isLive() {
        return kind == ContentKind.LIVE_EVENT;
    }
}

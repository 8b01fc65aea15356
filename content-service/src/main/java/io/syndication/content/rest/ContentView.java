package io.syndication.content.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.syndication.content.AgeRating;
import io.syndication.content.ContentItem;
import io.syndication.content.ContentKind;
import io.syndication.content.ContentStatus;

/** A content item as the API shows it. */
public record ContentView(UUID id, UUID partnerId, String externalId, ContentKind kind, String title, String synopsis,
        String language, List<String> categories, Integer durationSeconds, Instant start, Instant end, String mediaUrl,
        String thumbnailUrl, AgeRating ageRating, Instant availableFrom, Instant availableUntil,
        List<String> territories, ContentStatus status, String reason, long version, Instant createdAt,
        Instant updatedAt) {

    public static ContentView of(ContentItem item) {
        return new ContentView(item.id, item.partnerId, item.externalId, item.kind, item.title, item.synopsis,
                item.language, item.categories, item.durationSeconds, item.startAt, item.endAt, item.mediaUrl,
                item.thumbnailUrl, item.ageRating, item.availableFrom, item.availableUntil, item.territories,
                item.status, item.reason, item.version, item.createdAt, item.updatedAt);
    }
}

package io.syndication.content;

import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/**
 * What a partner says about an item, as one value: compared to tell an unchanged re-send from an
 * update, and to tell whether an edit changes what moderation approved.
 */
public record ContentFields(ContentKind kind, String title, String synopsis, String language, List<String> categories,
        Integer durationSeconds, Instant start, Instant end, String mediaUrl, String thumbnailUrl, AgeRating ageRating,
        Instant availableFrom, Instant availableUntil, List<String> territories) {

    public static ContentFields of(ContentItem item) {
        return new ContentFields(item.kind, item.title, item.synopsis, item.language, item.categories,
                item.durationSeconds, item.startAt, item.endAt, item.mediaUrl, item.thumbnailUrl, item.ageRating,
                item.availableFrom, item.availableUntil, item.territories);
    }

    /**
     * Whether {@code edited} changes anything a moderator saw and judged: every field a partner says
     * about an item is reviewed (territories and categories as sets: their order says nothing).
     */
    public boolean changesReviewOf(ContentFields edited) {
        return !reviewed().equals(edited.reviewed());
    }

    private ContentFields reviewed() {
        return new ContentFields(kind, title, synopsis, language, sortedDistinct(categories), durationSeconds, start,
                end, mediaUrl, thumbnailUrl, ageRating, availableFrom, availableUntil, sortedDistinct(territories));
    }

    void applyTo(ContentItem item) {
        item.kind = kind;
        item.title = title;
        item.synopsis = synopsis;
        item.language = language;
        item.categories = categories;
        item.durationSeconds = durationSeconds;
        item.startAt = start;
        item.endAt = end;
        item.mediaUrl = mediaUrl;
        item.thumbnailUrl = thumbnailUrl;
        item.ageRating = ageRating;
        item.availableFrom = availableFrom;
        item.availableUntil = availableUntil;
        item.territories = territories;
    }

    private static List<String> sortedDistinct(List<String> values) {
        return values == null ? List.of() : new TreeSet<>(values).stream().toList();
    }
}

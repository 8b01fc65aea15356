package io.syndication.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

    /**
     * What {@code edited} changes, in the words of a content.changed event: rightsWindow, territories,
     * duration (or a live event's times), media, title, details (everything else a partner says).
     */
    public List<String> changesIn(ContentFields edited) {
        ContentFields before = reviewed();
        ContentFields after = edited.reviewed();
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(before.availableFrom, after.availableFrom) || !Objects.equals(before.availableUntil, after.availableUntil)) {
            changes.add("rightsWindow");
        }
        if (!before.territories.equals(after.territories)) {
            changes.add("territories");
        }
        if (!Objects.equals(before.durationSeconds, after.durationSeconds) || !Objects.equals(before.start, after.start)
                || !Objects.equals(before.end, after.end)) {
            changes.add("duration");
        }
        if (!Objects.equals(before.mediaUrl, after.mediaUrl) || !Objects.equals(before.thumbnailUrl, after.thumbnailUrl)) {
            changes.add("media");
        }
        if (!Objects.equals(before.title, after.title)) {
            changes.add("title");
        }
        if (before.kind != after.kind || !Objects.equals(before.synopsis, after.synopsis)
                || !Objects.equals(before.language, after.language) || !before.categories.equals(after.categories)
                || before.ageRating != after.ageRating) {
            changes.add("details");
        }
        return changes;
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

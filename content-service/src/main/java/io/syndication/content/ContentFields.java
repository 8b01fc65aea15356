package io.syndication.content;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a partner says about an item, as one value: compared to tell an unchanged re-send from an
 * update, and to tell whether an edit touches what scheduling depends on.
 */
public record ContentFields(ContentKind kind, String title, String synopsis, String language, List<String> categories,
        Integer durationSeconds, Instant start, Instant end, String mediaUrl, String thumbnailUrl, AgeRating ageRating,
        Instant availableFrom, Instant availableUntil, List<String> territories) {

    public static ContentFields of(ContentItem item) {
        return new ContentFields(item.kind, item.title, item.synopsis, item.language, item.categories,
                item.durationSeconds, item.startAt, item.endAt, item.mediaUrl, item.thumbnailUrl, item.ageRating,
                item.availableFrom, item.availableUntil, item.territories);
    }

    /** Duration, timing, rights window, territories and media: a channel's schedule relies on these. */
    public boolean schedulingDiffers(ContentFields other) {
        return kind != other.kind || !Objects.equals(durationSeconds, other.durationSeconds)
                || !Objects.equals(start, other.start) || !Objects.equals(end, other.end)
                || !Objects.equals(mediaUrl, other.mediaUrl)
                || !Objects.equals(availableFrom, other.availableFrom)
                || !Objects.equals(availableUntil, other.availableUntil)
                || !asSet(territories).equals(asSet(other.territories));
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

    private static Set<String> asSet(List<String> values) {
        return values == null ? Set.of() : new HashSet<>(values);
    }
}

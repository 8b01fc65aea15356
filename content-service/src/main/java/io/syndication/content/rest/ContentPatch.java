package io.syndication.content.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.content.AgeRating;
import io.syndication.content.ContentCategory;
import io.syndication.content.ContentFields;

/**
 * A partial change to an item: absent fields stay as they are; the result is checked as a whole.
 * The kind never changes.
 */
@Schema(description = "A partial change to a content item; absent fields stay as they are")
public record ContentPatch(String title, String synopsis, String language, List<ContentCategory> categories,
        Integer durationSeconds, Instant start, Instant end, String mediaUrl, String thumbnailUrl, AgeRating ageRating,
        Instant availableFrom, Instant availableUntil, List<String> territories) {

    ContentRequest over(String externalId, ContentFields current) {
        ContentRequest base = ContentRequest.of(externalId, current);
        return new ContentRequest(externalId, base.kind(),
                title != null ? title : base.title(),
                synopsis != null ? synopsis : base.synopsis(),
                language != null ? language : base.language(),
                categories != null ? categories : base.categories(),
                durationSeconds != null ? durationSeconds : base.durationSeconds(),
                start != null ? start : base.start(),
                end != null ? end : base.end(),
                mediaUrl != null ? mediaUrl : base.mediaUrl(),
                thumbnailUrl != null ? thumbnailUrl : base.thumbnailUrl(),
                ageRating != null ? ageRating : base.ageRating(),
                availableFrom != null ? availableFrom : base.availableFrom(),
                availableUntil != null ? availableUntil : base.availableUntil(),
                territories != null ? territories : base.territories());
    }
}

package io.syndication.content.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.content.AgeRating;
import io.syndication.content.ContentCategory;
import io.syndication.content.ContentFields;
import io.syndication.content.ContentKind;
import io.syndication.content.validation.ConsistentContent;
import io.syndication.http.validation.OnTheCalendar;
import io.syndication.content.validation.StorableText;
import io.syndication.http.validation.HttpsUrl;
import io.syndication.http.validation.LanguageTag;
import io.syndication.http.validation.Territory;

/** A content item as a partner sends it. */
@ConsistentContent
@Schema(description = "A content item as a partner sends it")
public record ContentRequest(
        @Schema(description = "Your own id for the item; sending it again updates the same item", examples = "acc-2026-final")
        @Size(min = 1, max = 200) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "must be letters, digits and . _ : -") String externalId,
        @NotNull ContentKind kind,
        @Schema(examples = "Asia Cup Final: India v Sri Lanka") @NotBlank @Size(max = 300) @StorableText String title,
        @Schema(examples = "Live from Colombo: the final of the Asia Cup.") @Size(max = 5000) @StorableText String synopsis,
        @Schema(description = "BCP 47 tag of up to 35 characters, as RFC 5646 asks every system to hold", examples = "en")
        @NotNull @Size(max = 35) @LanguageTag String language,
        @Schema(examples = "[\"SPORTS\", \"CRICKET\"]") @NotEmpty @Size(max = 10) List<@NotNull ContentCategory> categories,
        @Schema(description = "PROGRAMME and CLIP: 1 s to 24 h", examples = "3600") Integer durationSeconds,
        @Schema(description = "LIVE_EVENT: planned start", examples = "2026-12-14T09:30:00Z") @OnTheCalendar Instant start,
        @Schema(description = "LIVE_EVENT: planned end", examples = "2026-12-14T17:30:00Z") @OnTheCalendar Instant end,
        @Schema(examples = "https://cdn.cricket-council.example/live/final/master.m3u8") @NotNull @Size(max = 2048) @HttpsUrl String mediaUrl,
        @Schema(examples = "https://cdn.cricket-council.example/img/final.jpg") @Size(max = 2048) @HttpsUrl String thumbnailUrl,
        @NotNull AgeRating ageRating,
        @Schema(description = "Start of the rights window (inclusive)", examples = "2026-12-01T00:00:00Z") @NotNull @OnTheCalendar Instant availableFrom,
        @Schema(description = "End of the rights window (exclusive); absent for no end", examples = "2027-01-01T00:00:00Z") @OnTheCalendar Instant availableUntil,
        @Schema(description = "Where it may air: a subset of your partner's territories", examples = "[\"IN\", \"SG\"]")
        @NotEmpty @Size(max = 250) List<@NotNull @Territory String> territories) implements ConsistentContent.Described {

    ContentFields toFields() {
        return new ContentFields(kind, title, synopsis, language, categories.stream().map(Enum::name).toList(),
                durationSeconds, micros(start), micros(end), mediaUrl, thumbnailUrl, ageRating, micros(availableFrom),
                micros(availableUntil), List.copyOf(territories));
    }

    static ContentRequest of(String externalId, ContentFields fields) {
        return new ContentRequest(externalId, fields.kind(), fields.title(), fields.synopsis(), fields.language(),
                fields.categories().stream().map(ContentCategory::valueOf).toList(), fields.durationSeconds(),
                fields.start(), fields.end(), fields.mediaUrl(), fields.thumbnailUrl(), fields.ageRating(),
                fields.availableFrom(), fields.availableUntil(), fields.territories());
    }

    /** Stored instants have microseconds: an item sent again must compare equal to what was stored. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}

package io.syndication.content;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A live event, programme or clip that a partner offers for our channels. */
@Entity
@Table(name = "content_item")
public class ContentItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    /** The partner's own id for the item, unique per partner. */
    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContentKind kind;

    @Column(nullable = false)
    public String title;

    public String synopsis;

    /** BCP 47 tag. */
    @Column(nullable = false)
    public String language;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(20)[]")
    public List<String> categories;

    /** PROGRAMME and CLIP: how long it runs. */
    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    /** LIVE_EVENT: when it is planned to start and end. */
    @Column(name = "start_at")
    public Instant startAt;

    @Column(name = "end_at")
    public Instant endAt;

    @Column(name = "media_url", nullable = false)
    public String mediaUrl;

    @Column(name = "thumbnail_url")
    public String thumbnailUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_rating", nullable = false)
    public AgeRating ageRating;

    /** The rights window, half-open: it may air from this instant... */
    @Column(name = "available_from", nullable = false)
    public Instant availableFrom;

    /** ...until this one, or for good when null. */
    @Column(name = "available_until")
    public Instant availableUntil;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(2)[]")
    public List<String> territories;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContentStatus status;

    @Version
    public long version;

    /** Why it was last rejected, for the partner to fix. */
    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

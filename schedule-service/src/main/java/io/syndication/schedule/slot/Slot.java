package io.syndication.schedule.slot;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A piece of a channel's schedule: one content item on air over {@code [start, end)}. */
@Entity
public class Slot extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "channel_id", nullable = false)
    public UUID channelId;

    @Column(name = "content_id", nullable = false)
    public UUID contentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SlotKind kind;

    @Column(nullable = false)
    public String title;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(name = "age_rating", nullable = false)
    public String ageRating;

    @Column(name = "start_at", nullable = false)
    public Instant startAt;

    @Column(name = "end_at", nullable = false)
    public Instant endAt;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

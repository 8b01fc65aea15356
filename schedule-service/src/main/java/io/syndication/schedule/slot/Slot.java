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
import io.syndication.schedule.client.ContentRestClient.ContentRecord;

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

    /** True when the slot is shorter than its content: filler cut to fit a gap, or a programme a live event trimmed. */
    @Column(nullable = false)
    public boolean cut;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** A new slot airing {@code item} over {@code [start, end)}, with a snapshot of what the guide shows of it. */
    public static Slot of(UUID channelId, ContentRecord item, SlotKind kind, Instant start, Instant end, boolean cut) {
        Slot slot = new Slot();
        slot.id = UUID.randomUUID();
        slot.channelId = channelId;
        slot.contentId = UUID.fromString(item.id());
        slot.kind = kind;
        slot.title = item.title();
        slot.partnerId = UUID.fromString(item.partnerId());
        slot.ageRating = item.ageRating();
        slot.startAt = start;
        slot.endAt = end;
        slot.cut = cut;
        return slot;
    }
}

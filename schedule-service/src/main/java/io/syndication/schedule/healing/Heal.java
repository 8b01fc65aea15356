package io.syndication.schedule.healing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.syndication.schedule.slot.Finding;

/**
 * What became of one slot whose content may no longer air where it was scheduled: the slot as it
 * was, why, what was done, and the event that made it so.
 *
 * @param freedFrom where the time given back begins: the slot's start, or the moment a slot on air was
 *                  cut; null for a slot left in place
 * @param replacements the filler slots that took its place, in start order
 */
public record Heal(UUID id, UUID channelId, UUID slotId, UUID contentId, Instant slotStart, Instant slotEnd,
        Action action, Finding.Reason reason, String detail, Instant freedFrom, List<Replacement> replacements,
        String eventId, String eventType, Instant healedAt) {

    /** What was done to the slot. */
    public enum Action {
        /** Removed (cut, if on air) and its time filled from the filler rotation, wholly or in part. */
        FILLED,
        /** Removed (cut, if on air) and its time left a gap: no filler may air there. */
        CLEARED,
        /** Left in place for an operator, as the channel's healing policy FLAG says; validation reports it. */
        FLAGGED
    }

    /** A filler slot put in a healed slot's place. */
    public record Replacement(UUID slotId, UUID contentId, UUID partnerId, String title, Instant start, Instant end, boolean cut) {
    }
}

package io.syndication.schedule.slot;

/**
 * One slot a live event changed: as it is now, or for a removed one as it was.
 */
public record ScheduleChange(Change change, Slot slot) {

    public enum Change {
        /** Later in time, same length (a push). */
        MOVED,
        /** Shortened at either end, or both. */
        TRIMMED,
        /** Taken off the schedule. */
        REMOVED,
        /** The rest of a programme a live event interrupted, resuming after it. */
        ADDED
    }
}

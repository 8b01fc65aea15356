package io.syndication.schedule.slot;

/**
 * One slot a live event changed: as it is now, or for a removed one as it was.
 */
public record ScheduleChange(Change change, Slot slot) {

    public enum Change {
        /** Later in time (a push); cut too, and marked so, where the next live event stops the push. */
        MOVED,
        /** Shortened at either end, or both. */
        TRIMMED,
        /** Taken off the schedule. */
        REMOVED,
        /** The rest of a slot a live event interrupted, resuming after it. */
        ADDED
    }
}

package io.syndication.schedule.slot;

/** What happens to the slots a live event lands on. */
public enum LivePolicy {
    /** Later slots move later until a gap absorbs them or the next live event, a fixed point, stops them. */
    PUSH,
    /** Overlapped slots are cut around the live event; one spanning it resumes after it. */
    TRIM,
    /** Overlapped slots are removed. */
    DROP
}

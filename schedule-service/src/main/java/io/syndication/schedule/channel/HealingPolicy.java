package io.syndication.schedule.channel;

/**
 * What becomes of a channel's slot once its content may no longer air there (retired, rejected,
 * re-submitted, its rights or territories shrunk, its partner suspended or terminated).
 */
public enum HealingPolicy {
    /** The slot is removed (cut at the moment of healing if on air) and the time filled from the filler rotation. */
    FILL,
    /** The slot stays for an operator to deal with; validation reports it. */
    FLAG
}

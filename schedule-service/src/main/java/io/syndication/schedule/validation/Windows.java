package io.syndication.schedule.validation;

import java.time.Duration;
import java.time.Instant;

import io.syndication.http.ProblemException;

/** How much of a schedule one request may read or edit: a month, so that no answer is unbounded. */
public final class Windows {

    public static final int MAX_DAYS = 31;
    public static final Duration MAX = Duration.ofDays(MAX_DAYS);

    private Windows() {
    }

    /** {@code [from, to)} must be a window of at most {@link #MAX_DAYS} days; a 400 naming {@code to} otherwise. */
    public static void check(Instant from, Instant to) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX) > 0) {
            throw ProblemException.invalidField("to", "must be after from, at most " + MAX_DAYS + " days later");
        }
    }
}

package io.syndication.schedule.slot;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A range a test's table writes "a-b": from a to b units after the table's origin. */
record TableRange(Instant start, Instant end) {

    static TableRange parse(String range, Instant origin, ChronoUnit unit) {
        String[] bounds = range.split("-");
        return new TableRange(origin.plus(Long.parseLong(bounds[0]), unit), origin.plus(Long.parseLong(bounds[1]), unit));
    }
}

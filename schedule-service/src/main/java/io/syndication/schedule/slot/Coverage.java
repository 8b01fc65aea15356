package io.syndication.schedule.slot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What of a window the slots leave uncovered, and how much they cover. */
public record Coverage(List<Gap> gaps, double coverage) {

    /** An uncovered interval, half-open. */
    public record Gap(Instant start, Instant end) {
    }

    /** {@code slots} in start order, none overlapping (the database holds that). */
    public static Coverage of(Instant from, Instant to, List<Slot> slots) {
        List<Gap> gaps = new ArrayList<>();
        Instant cursor = from;
        for (Slot slot : slots) {
            if (slot.startAt.isAfter(cursor)) {
                gaps.add(new Gap(cursor, min(slot.startAt, to)));
            }
            if (slot.endAt.isAfter(cursor)) {
                cursor = slot.endAt;
            }
            if (!cursor.isBefore(to)) {
                break;
            }
        }
        if (cursor.isBefore(to)) {
            gaps.add(new Gap(cursor, to));
        }
        long window = Duration.between(from, to).toMillis();
        long uncovered = gaps.stream().mapToLong(gap -> Duration.between(gap.start(), gap.end()).toMillis()).sum();
        return new Coverage(gaps, window == 0 ? 1.0 : (double) (window - uncovered) / window);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}

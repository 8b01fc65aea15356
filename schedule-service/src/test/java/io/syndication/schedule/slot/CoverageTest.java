package io.syndication.schedule.slot;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Gaps and coverage of a window as a pure rule. The window is {@code [0, 100)} minutes after
 * {@link #T0}; slots and gaps are written {@code "10-20, 30-100"}, half-open.
 */
class CoverageTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # behaviour                                             | slots                   | gaps                       | coverage
            an empty window is one gap                              | nothing                 | 0-100                      | 0.0
            slots back to back cover the whole window               | 0-50, 50-100            | nothing                    | 1.0
            a gap before, between and after the slots               | 10-20, 30-40, 60-90     | 0-10, 20-30, 40-60, 90-100 | 0.5
            gaps between slots                                      | 0-10, 20-30, 40-100     | 10-20, 30-40               | 0.8
            a slot from the start of the window covers its start    | 0-20                    | 20-100                     | 0.2
            a slot overlapping the end of the window covers its end | 90-110                  | 0-90                       | 0.1
            a slot starting before the window counts only inside it | -10-20                  | 20-100                     | 0.2
            a slot covering the window and more leaves no gap       | -10-110                 | nothing                    | 1.0
            a slot ending where the window starts covers none of it | -10-0, 50-100           | 0-50                       | 0.5
            a slot starting where the window ends covers none of it | 0-50, 100-110           | 50-100                     | 0.5
            a gap ends at the window, not at the next slot          | 0-25, 120-130           | 25-100                     | 0.25
            slots past the end of the window are ignored            | 0-100, 100-110, 150-160 | nothing                    | 1.0
            slots entirely before the window are ignored            | -50--40, -20--10, 0-75  | 75-100                     | 0.75
            """)
    void gapsAreTheHalfOpenIntervalsOfTheWindowNoSlotCovers(String behaviour, String slots, String gaps, double coverage) {
        Coverage found = Coverage.of(at(0), at(100), slots(slots));
        assertThat(found.gaps(), equalTo(gaps(gaps)));
        assertThat(found.coverage(), equalTo(coverage));
    }

    @Test
    void anEmptyWindowIsFullyCovered() {
        Coverage found = Coverage.of(at(10), at(10), List.of());
        assertThat(found.gaps(), empty());
        assertThat(found.coverage(), equalTo(1.0));
    }

    @Test
    void aGapOfOneSecondInADayCountsToTheMillisecond() {
        Instant from = T0;
        Instant to = T0.plus(Duration.ofDays(1));
        Coverage found = Coverage.of(from, to, List.of(slot(from, to.minusSeconds(1))));
        assertThat(found.gaps(), equalTo(List.of(new Coverage.Gap(to.minusSeconds(1), to))));
        assertThat(found.coverage(), equalTo(86_399.0 / 86_400.0));
    }

    /** {@code "10-20, -10-0, -50--40"} in minutes, or {@code "nothing"}. */
    private static List<Slot> slots(String text) {
        return ranges(text).stream().map(range -> slot(range[0], range[1])).toList();
    }

    private static List<Coverage.Gap> gaps(String text) {
        return ranges(text).stream().map(range -> new Coverage.Gap(range[0], range[1])).toList();
    }

    private static List<Instant[]> ranges(String text) {
        if (text.equals("nothing")) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).map(range -> {
            // the separator is the first '-' after the first character, which may be a minus sign
            int dash = range.indexOf('-', 1);
            return new Instant[] { at(Integer.parseInt(range.substring(0, dash))),
                    at(Integer.parseInt(range.substring(dash + 1))) };
        }).toList();
    }

    private static Slot slot(Instant start, Instant end) {
        Slot slot = new Slot();
        slot.id = UUID.randomUUID();
        slot.kind = SlotKind.PROGRAMME;
        slot.startAt = start;
        slot.endAt = end;
        return slot;
    }

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }
}

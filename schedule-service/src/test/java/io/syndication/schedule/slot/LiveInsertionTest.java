package io.syndication.schedule.slot;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import io.syndication.http.ProblemException;
import io.syndication.schedule.content.ContentItem;
import io.syndication.schedule.content.ContentKind;
import io.syndication.schedule.content.ContentStatus;
import io.syndication.schedule.slot.ScheduleChange.Change;

/**
 * Clearing time for a live event as a pure rule: the schedule in, the changes out. Schedules and
 * changes are written in minutes after {@link #T0}: {@code "A 30-60"} is a programme, {@code "live L
 * 100-160"} a live event, {@code "filler F 0-10 cut"} a filler already cut; a change reads
 * {@code "MOVED A 45-75"}, with {@code " cut"} when the slot is shorter than its content.
 */
class LiveInsertionTest {

    private static final Instant T0 = Instant.parse("2026-12-01T20:00:00Z");

    private static final UUID CHANNEL = UUID.randomUUID();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # behaviour                                                         | schedule                                    | event | changes
            an empty schedule needs no change                                   | nothing                                     | 30-45 | nothing
            a slot ending as the event starts is left alone                     | A 0-30                                      | 30-45 | nothing
            a slot starting after the event ends is left alone                  | A 60-90                                     | 30-45 | nothing
            the slot in progress is cut and its rest resumes after              | A 0-60                                      | 30-45 | TRIMMED A 0-30 cut; ADDED A 45-75 cut
            a slot spanning the event resumes all of its rest after it          | A 0-100                                     | 30-40 | TRIMMED A 0-30 cut; ADDED A 40-110 cut
            a slot starting with the event moves after it                       | A 30-60                                     | 30-45 | MOVED A 45-75
            later slots move back to back                                       | A 30-60, B 60-90, C 90-120                  | 30-45 | MOVED A 45-75; MOVED B 75-105; MOVED C 105-135
            the resumed rest pushes the slots after it                          | A 0-60, B 60-90                             | 30-50 | TRIMMED A 0-30 cut; ADDED A 50-80 cut; MOVED B 80-110
            a gap absorbs the push and what follows it stays                    | A 30-60, B 60-90, C 120-150, D 150-180      | 30-45 | MOVED A 45-75; MOVED B 75-105
            a gap exactly as long as the push absorbs it                        | A 30-60, B 75-90                            | 30-45 | MOVED A 45-75
            a gap shorter than the push only shortens it                        | A 30-60, B 70-90, C 90-100, D 120-130       | 30-45 | MOVED A 45-75; MOVED B 75-95; MOVED C 95-105
            a gap can absorb the resumed rest                                   | A 0-60, B 100-130                           | 30-50 | TRIMMED A 0-30 cut; ADDED A 50-80 cut
            a moved slot keeps being marked cut                                 | filler F 30-40 cut, B 40-70                 | 30-45 | MOVED F 45-55 cut; MOVED B 55-85
            the next live event stops the push and the slot into it is cut      | A 30-60, B 60-90, live L 100-160, C 160-190 | 30-50 | MOVED A 50-80; MOVED B 80-100 cut
            what no longer fits before the next live event is removed           | A 30-60, B 60-90, C 90-100, live L 100-160  | 30-60 | MOVED A 60-90; MOVED B 90-100 cut; REMOVED C 90-100
            a slot pushed exactly up to the next live event is not cut          | A 30-60, live L 90-120                      | 30-60 | MOVED A 60-90
            the resumed rest is cut by the next live event                      | A 0-60, live L 70-100                       | 20-40 | TRIMMED A 0-20 cut; ADDED A 40-70 cut
            a resumed rest that would start at the next live event is not added | A 0-60, live L 40-100                       | 20-40 | TRIMMED A 0-20 cut
            a live event running long pushes what follows its old end           | B 60-90, C 90-120, D 150-180                | 60-80 | MOVED B 80-110; MOVED C 110-140
            """)
    void pushCutsTheSlotInProgressAndMovesLaterSlotsUntilAGapOrALiveEventStopsThem(String behaviour, String schedule,
            String event, String changes) {
        assertClears(schedule, event, LivePolicy.PUSH, changes);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # behaviour                                             | schedule                           | event | changes
            an empty schedule needs no change                       | nothing                            | 30-60 | nothing
            slots touching the edges of the event are left alone    | A 0-30, B 60-90                    | 30-60 | nothing
            a slot running into the event loses its tail            | A 0-40, B 60-90                    | 30-60 | TRIMMED A 0-30 cut
            a slot running out of the event loses its head          | A 0-30, B 50-90                    | 30-60 | TRIMMED B 60-90 cut
            a slot within the event is removed                      | A 35-55                            | 30-60 | REMOVED A 35-55
            a slot exactly as long as the event is removed          | A 30-60                            | 30-60 | REMOVED A 30-60
            a slot spanning the event resumes after it, shortened   | A 0-90                             | 30-60 | TRIMMED A 0-30 cut; ADDED A 60-90 cut
            every overlapped slot is trimmed or removed, none moves | A 0-40, B 40-50, C 50-90, D 90-120 | 30-60 | TRIMMED A 0-30 cut; REMOVED B 40-50; TRIMMED C 60-90 cut
            """)
    void trimCutsOverlappedSlotsAroundTheEvent(String behaviour, String schedule, String event, String changes) {
        assertClears(schedule, event, LivePolicy.TRIM, changes);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # behaviour                                          | schedule                           | event | changes
            an empty schedule needs no change                    | nothing                            | 30-60 | nothing
            slots touching the edges of the event are left alone | A 0-30, B 60-90                    | 30-60 | nothing
            every overlapped slot is removed whole               | A 0-40, B 40-50, C 50-90, D 90-120 | 30-60 | REMOVED A 0-40; REMOVED B 40-50; REMOVED C 50-90
            a slot spanning the event is removed whole           | A 0-90                             | 30-60 | REMOVED A 0-90
            """)
    void dropRemovesOverlappedSlots(String behaviour, String schedule, String event, String changes) {
        assertClears(schedule, event, LivePolicy.DROP, changes);
    }

    @ParameterizedTest(name = "{2} over {0} with the event at {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # schedule            | event | policy
            A 0-30, live L 40-50  | 30-60 | PUSH
            A 0-30, live L 40-50  | 30-60 | TRIM
            A 0-30, live L 40-50  | 30-60 | DROP
            live L 0-31           | 30-60 | PUSH
            live L 0-31           | 30-60 | TRIM
            live L 0-31           | 30-60 | DROP
            A 0-30, live L 59-100 | 30-60 | PUSH
            A 0-30, live L 59-100 | 30-60 | TRIM
            A 0-30, live L 59-100 | 30-60 | DROP
            live L 0-100          | 30-60 | PUSH
            live L 0-100          | 30-60 | TRIM
            live L 0-100          | 30-60 | DROP
            """)
    void aLiveEventInTheWayIsAConflictUnderEveryPolicy(String schedule, String event, LivePolicy policy) {
        List<Slot> slots = schedule(schedule);
        Slot live = slots.stream().filter(slot -> slot.kind == SlotKind.LIVE).findFirst().orElseThrow();
        ProblemException refused = assertThrows(ProblemException.class,
                () -> LiveInsertion.clear(slots, range(event).start(), range(event).end(), policy));
        assertThat(refused.problem().status(), equalTo(409));
        assertThat(refused.problem().detail(), containsString("live event slot " + live.id));
    }

    @ParameterizedTest
    @EnumSource(LivePolicy.class)
    void liveEventsTouchingTheEventAreNoConflict(LivePolicy policy) {
        assertThat(describe(LiveInsertion.clear(schedule("live K 0-30, live L 60-90"), at(30), at(60), policy)), empty());
    }

    @Test
    void movedAndTrimmedSlotsKeepTheirIdentityAndVersionWhileAResumedRestIsANewSlot() {
        List<Slot> slots = schedule("A 0-60, B 60-90");
        List<ScheduleChange> changes = LiveInsertion.clear(slots, at(30), at(45), LivePolicy.PUSH);
        assertThat(describe(changes), equalTo(List.of("TRIMMED A 0-30 cut", "ADDED A 45-75 cut", "MOVED B 75-105")));

        Slot trimmed = changes.get(0).slot();
        Slot rest = changes.get(1).slot();
        Slot moved = changes.get(2).slot();
        assertThat(trimmed.id, equalTo(slots.get(0).id));
        assertThat(trimmed.version, equalTo(3L));
        assertThat(moved.id, equalTo(slots.get(1).id));
        assertThat(moved.version, equalTo(3L));
        assertThat(rest.id, not(equalTo(slots.get(0).id)));
        assertThat(rest.version, equalTo(0L));
        // the rest airs the same content with what the guide shows of it
        assertThat(rest.contentId, equalTo(slots.get(0).contentId));
        assertThat(rest.channelId, equalTo(CHANNEL));
        assertThat(rest.partnerId, equalTo(slots.get(0).partnerId));
        assertThat(rest.ageRating, equalTo("ALL_AGES"));
        assertThat(rest.kind, equalTo(SlotKind.PROGRAMME));
    }

    @Test
    void aSlotThePushRemovesIsReportedAsItWas() {
        List<Slot> slots = schedule("A 30-60, B 60-90, C 90-100, live L 100-160");
        List<ScheduleChange> changes = LiveInsertion.clear(slots, at(30), at(60), LivePolicy.PUSH);
        assertThat(changes.get(2).change(), equalTo(Change.REMOVED));
        assertThat(changes.get(2).slot(), sameInstance(slots.get(2)));
    }

    @Test
    void aResumedRestUnderTrimIsANewSlot() {
        List<Slot> slots = schedule("A 0-90");
        List<ScheduleChange> changes = LiveInsertion.clear(slots, at(30), at(60), LivePolicy.TRIM);
        assertThat(changes.get(0).slot().id, equalTo(slots.get(0).id));
        assertThat(changes.get(1).slot().id, not(equalTo(slots.get(0).id)));
        assertThat(changes.get(1).slot().version, equalTo(0L));
    }

    /** Runs one table row: the changes are exactly those expected, the input is untouched, no live event changes. */
    private static void assertClears(String schedule, String event, LivePolicy policy, String expected) {
        List<Slot> slots = schedule(schedule);
        List<String> before = slots.stream().map(LiveInsertionTest::snapshot).toList();

        List<ScheduleChange> changes = LiveInsertion.clear(slots, range(event).start(), range(event).end(), policy);

        assertThat(describe(changes), equalTo(expected.equals("nothing") ? List.of()
                : Arrays.stream(expected.split(";")).map(String::trim).toList()));
        assertThat("the schedule passed in is left as it is", slots.stream().map(LiveInsertionTest::snapshot).toList(),
                equalTo(before));
        assertThat("a live event is a fixed point", changes.stream().filter(c -> c.slot().kind == SlotKind.LIVE).toList(),
                empty());
    }

    private static List<String> describe(List<ScheduleChange> changes) {
        return changes.stream().map(change -> change.change() + " " + change.slot().title + " "
                + minute(change.slot().startAt) + "-" + minute(change.slot().endAt) + (change.slot().cut ? " cut" : ""))
                .toList();
    }

    private static String snapshot(Slot slot) {
        return slot.id + " " + slot.kind + " " + slot.startAt + " " + slot.endAt + " " + slot.cut + " " + slot.version;
    }

    /** {@code "A 0-30, live L 40-50"}, or {@code "nothing"}; slots in start order. */
    private static List<Slot> schedule(String text) {
        if (text.equals("nothing")) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).map(LiveInsertionTest::slot).toList();
    }

    private static Slot slot(String text) {
        List<String> words = new ArrayList<>(List.of(text.split("\\s+")));
        SlotKind kind = switch (words.get(0)) {
            case "live" -> SlotKind.LIVE;
            case "filler" -> SlotKind.FILLER;
            default -> SlotKind.PROGRAMME;
        };
        if (kind != SlotKind.PROGRAMME) {
            words.remove(0);
        }
        boolean cut = words.get(words.size() - 1).equals("cut");
        String title = words.get(0);
        String range = words.get(1);
        ContentItem item = new ContentItem(UUID.randomUUID(), UUID.randomUUID(),
                kind == SlotKind.LIVE ? ContentKind.LIVE_EVENT : ContentKind.PROGRAMME, title, ContentStatus.APPROVED, kind == SlotKind.LIVE ? null : 3_600,
                null, null, "ALL_AGES", Instant.parse("2026-01-01T00:00:00Z"), null, List.of("SG"), 0);
        Slot slot = Slot.of(CHANNEL, item, kind, range(range).start(), range(range).end(), cut);
        slot.version = 3;
        return slot;
    }

    /** "a-b": from minute a to minute b after T0. */
    private static TableRange range(String range) {
        return TableRange.parse(range, T0, ChronoUnit.MINUTES);
    }

    private static Instant at(int minute) {
        return T0.plus(minute, ChronoUnit.MINUTES);
    }

    private static long minute(Instant instant) {
        return ChronoUnit.MINUTES.between(T0, instant);
    }
}

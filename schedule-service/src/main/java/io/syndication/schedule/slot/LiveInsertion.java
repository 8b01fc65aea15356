package io.syndication.schedule.slot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.syndication.http.Problem;
import io.syndication.http.ProblemException;
import io.syndication.schedule.content.ContentStanding;
import io.syndication.schedule.slot.ScheduleChange.Change;

/**
 * Clears {@code [start, end)} of a channel's schedule for a live event (or for the extra time of
 * one running long) under a policy, and says what it did to each slot. A live event already on
 * the schedule is a fixed point: it is never moved, cut or removed, and one in the way is a 409.
 */
public final class LiveInsertion {

    private LiveInsertion() {
    }

    /**
     * @param slots the channel's slots that end after {@code start}, in start order (for PUSH all
     *              of them, for TRIM and DROP at least those overlapping {@code [start, end)}),
     *              without the live event being extended; they are left as they are
     */
    public static List<ScheduleChange> clear(List<Slot> slots, Instant start, Instant end, LivePolicy policy) {
        return switch (policy) {
            case PUSH -> push(slots, start, end);
            case TRIM -> trim(slots, start, end);
            case DROP -> drop(slots, start, end);
        };
    }

    /**
     * The slot in progress at {@code start} is cut there and its rest resumes after the event; the
     * slots from {@code start} on move later, back to back after it, until one already starts late
     * enough (a gap absorbed the push) or a live event stops them: what no longer fits before it is
     * cut or removed.
     */
    private static List<ScheduleChange> push(List<Slot> slots, Instant start, Instant end) {
        List<ScheduleChange> changes = new ArrayList<>();
        List<ScheduleChange> pushed = new ArrayList<>();
        List<Slot> unpushed = new ArrayList<>();
        Instant cursor = end;
        for (Slot slot : slots) {
            if (!slot.endAt.isAfter(start)) {
                continue;
            }
            if (slot.kind == SlotKind.LIVE && slot.startAt.isBefore(end)) {
                throw liveInTheWay(slot);
            }
            if (slot.startAt.isBefore(start)) {
                changes.add(new ScheduleChange(Change.TRIMMED, cutTo(slot, slot.startAt, start)));
                Slot rest = restOf(slot, cursor, cursor.plus(Duration.between(start, slot.endAt)));
                cursor = rest.endAt;
                pushed.add(new ScheduleChange(Change.ADDED, rest));
                unpushed.add(null);
                continue;
            }
            if (!slot.startAt.isBefore(cursor)) {
                break;
            }
            if (slot.kind == SlotKind.LIVE) {
                stopBefore(slot.startAt, pushed, unpushed);
                break;
            }
            Duration length = Duration.between(slot.startAt, slot.endAt);
            Slot moved = slot.copy();
            moved.startAt = cursor;
            moved.endAt = cursor.plus(length);
            cursor = moved.endAt;
            pushed.add(new ScheduleChange(Change.MOVED, moved));
            unpushed.add(slot);
        }
        changes.addAll(pushed);
        return changes;
    }

    /**
     * Pushed slots may not run into a live event: the one reaching into it is cut, those past it
     * removed (a resumed rest that no longer fits is simply not added).
     */
    private static void stopBefore(Instant fixedPoint, List<ScheduleChange> pushed, List<Slot> unpushed) {
        for (int i = pushed.size() - 1; i >= 0; i--) {
            Slot slot = pushed.get(i).slot();
            if (!slot.startAt.isBefore(fixedPoint)) {
                if (unpushed.get(i) == null) {
                    pushed.remove(i);
                    unpushed.remove(i);
                    continue;
                }
                pushed.set(i, new ScheduleChange(Change.REMOVED, unpushed.get(i)));
            } else if (slot.endAt.isAfter(fixedPoint)) {
                slot.endAt = fixedPoint;
                slot.cut = true;
            } else {
                return;
            }
        }
    }

    private static List<ScheduleChange> trim(List<Slot> slots, Instant start, Instant end) {
        List<ScheduleChange> changes = new ArrayList<>();
        for (Slot slot : overlapped(slots, start, end)) {
            boolean head = slot.startAt.isBefore(start);
            boolean tail = slot.endAt.isAfter(end);
            if (head && tail) {
                changes.add(new ScheduleChange(Change.TRIMMED, cutTo(slot, slot.startAt, start)));
                changes.add(new ScheduleChange(Change.ADDED, restOf(slot, end, slot.endAt)));
            } else if (head) {
                changes.add(new ScheduleChange(Change.TRIMMED, cutTo(slot, slot.startAt, start)));
            } else if (tail) {
                changes.add(new ScheduleChange(Change.TRIMMED, cutTo(slot, end, slot.endAt)));
            } else {
                changes.add(new ScheduleChange(Change.REMOVED, slot));
            }
        }
        return changes;
    }

    private static List<ScheduleChange> drop(List<Slot> slots, Instant start, Instant end) {
        return overlapped(slots, start, end).stream().map(slot -> new ScheduleChange(Change.REMOVED, slot)).toList();
    }

    private static List<Slot> overlapped(List<Slot> slots, Instant start, Instant end) {
        List<Slot> overlapped = new ArrayList<>();
        for (Slot slot : slots) {
            if (!slot.startAt.isBefore(end)) {
                break;
            }
            if (slot.endAt.isAfter(start)) {
                if (slot.kind == SlotKind.LIVE) {
                    throw liveInTheWay(slot);
                }
                overlapped.add(slot);
            }
        }
        return overlapped;
    }

    private static Slot cutTo(Slot slot, Instant start, Instant end) {
        Slot cut = slot.copy();
        cut.startAt = start;
        cut.endAt = end;
        cut.cut = true;
        return cut;
    }

    /** What is left of an interrupted slot, as a slot of its own over {@code [start, end)}. */
    private static Slot restOf(Slot slot, Instant start, Instant end) {
        Slot rest = cutTo(slot, start, end);
        rest.id = Slot.newId();
        rest.version = 0;
        return rest;
    }

    private static ProblemException liveInTheWay(Slot live) {
        return ProblemException.conflict("The time is taken by live event slot " + live.id + " [" + live.startAt + ", "
                + live.endAt + "), which no policy moves");
    }

    /**
     * The slots a push would carry past their content's rights: moved slots (and a resumed rest) are
     * checked against their rights windows where they land.
     *
     * @param standings what content-service said of every item the push may move, asked before the edit
     */
    public static List<Problem.Violation> pastRights(List<ScheduleChange> changes, Map<UUID, ContentStanding> standings) {
        List<Problem.Violation> unlicensed = new ArrayList<>();
        for (ScheduleChange change : changes) {
            if (change.change() != Change.MOVED && change.change() != Change.ADDED) {
                continue;
            }
            Slot slot = change.slot();
            ContentStanding standing = standings.get(slot.contentId);
            if (standing == null) {
                // placed after the items were asked about
                throw ProblemException.conflict("The schedule changed while it was being checked; retry");
            }
            if (standing.item() != null && !SlotPlacement.licensed(standing.item(), slot.startAt, slot.endAt)) {
                unlicensed.add(new Problem.Violation("slot " + slot.id, SlotPlacement.Rule.RIGHTS_WINDOW + ": [" + slot.startAt
                        + ", " + slot.endAt + ") would lie outside the rights window ending " + standing.item().availableUntil()));
            }
        }
        return unlicensed;
    }
}

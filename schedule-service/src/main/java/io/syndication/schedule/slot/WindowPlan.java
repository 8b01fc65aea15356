package io.syndication.schedule.slot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.syndication.http.Problem;
import io.syndication.http.ProblemException;
import io.syndication.http.ProblemType;
import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.content.ContentStanding;

/**
 * A whole window's slots, checked before anything is written: each must lie in the window, none may
 * overlap another (400 naming each by its index) and each must pass the placement rules (422 naming
 * each slot and rule). Takes values, returns the slots in start order or throws.
 */
public final class WindowPlan {

    private WindowPlan() {
    }

    /** {@code standings} holds what content-service says of every item {@code planned} names. */
    public static List<Slot> of(Channel channel, Instant from, Instant to, List<PlannedSlot> planned,
            Map<UUID, ContentStanding> standings) {
        List<Problem.Violation> invalid = new ArrayList<>();
        List<Problem.Violation> unplaceable = new ArrayList<>();
        List<Slot> slots = new ArrayList<>(planned.size());
        Map<UUID, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            PlannedSlot one = planned.get(i);
            ContentStanding standing = standings.get(one.contentId());
            if (standing.item() == null) {
                unplaceable.add(ScheduleProblems.violation(i,
                        SlotPlacement.breaches(standing, one.start(), one.start(), channel.territories)));
                continue;
            }
            Instant end;
            try {
                end = PlacementCheck.endOf(standing.item(), one.start(), one.end());
            } catch (ProblemException wrongEnd) {
                invalid.add(new Problem.Violation("[" + i + "].end", wrongEnd.problem().violations().get(0).message()));
                continue;
            }
            if (one.start().isBefore(from) || end.isAfter(to)) {
                invalid.add(new Problem.Violation("[" + i + "]", "[" + one.start() + ", " + end + ") lies outside the window"));
                continue;
            }
            List<SlotPlacement.Breach> breaches = SlotPlacement.breaches(standing, one.start(), end, channel.territories);
            if (!breaches.isEmpty()) {
                unplaceable.add(ScheduleProblems.violation(i, breaches));
            }
            Slot slot = Slot.of(channel.id, standing.item(), PlacementCheck.kindOf(standing.item()), one.start(), end, false);
            slots.add(slot);
            indexOf.put(slot.id, i);
        }
        List<Slot> ordered = new ArrayList<>(slots);
        ordered.sort(Comparator.comparing(slot -> slot.startAt));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).startAt.isBefore(ordered.get(i - 1).endAt)) {
                invalid.add(new Problem.Violation("[" + indexOf.get(ordered.get(i).id) + "]",
                        "overlaps the slot starting " + ordered.get(i - 1).startAt));
            }
        }
        if (!invalid.isEmpty()) {
            throw ScheduleProblems.refused(ProblemType.VALIDATION.problem(invalid.size() + " of the window's slots are invalid"),
                    invalid);
        }
        if (!unplaceable.isEmpty()) {
            throw ScheduleProblems.refused(ProblemType.PLACEMENT_RULE.problem(
                    unplaceable.size() + " of the window's slots break placement rules"), unplaceable);
        }
        return ordered;
    }
}

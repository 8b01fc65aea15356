package io.syndication.schedule.slot;

import java.util.List;
import java.util.stream.Collectors;

import io.syndication.http.Problem;
import io.syndication.http.ProblemException;
import io.syndication.http.ProblemType;

/** The answers a schedule edit is refused with, worded alike whichever edit it was. */
final class ScheduleProblems {

    /** A refused window lists this many problems at most; the detail gives the count. */
    private static final int LISTED_VIOLATIONS = 100;

    private ScheduleProblems() {
    }

    /** A 422 naming every rule the slot breaks. */
    static ProblemException unplaceable(List<SlotPlacement.Breach> breaches) {
        return new ProblemException(ProblemType.PLACEMENT_RULE.problem(
                "The slot breaks " + breaches.stream().map(b -> b.rule().name()).collect(Collectors.joining(", ")))
                .withViolations(breaches.stream().map(b -> new Problem.Violation(b.rule().name(), b.detail())).toList()));
    }

    /** One slot of many, named by its index, with every rule it breaks. */
    static Problem.Violation violation(int index, List<SlotPlacement.Breach> breaches) {
        return new Problem.Violation("[" + index + "]", breaches.stream().map(b -> b.rule() + ": " + b.detail())
                .collect(Collectors.joining("; ")));
    }

    /** {@code problem} listing the first {@value #LISTED_VIOLATIONS} of {@code violations}. */
    static ProblemException refused(Problem problem, List<Problem.Violation> violations) {
        return new ProblemException(problem.withViolations(violations.subList(0, Math.min(LISTED_VIOLATIONS, violations.size()))));
    }

    /** The exclusion constraint refused a write: a racing edit took part of the time first. */
    static ProblemException concurrentEdit(Throwable failure) {
        return ProblemException.conflict("A concurrent placement took part of the time; read the schedule again and retry");
    }

    static String describe(List<Slot> slots) {
        return slots.stream().map(slot -> "slot " + slot.id + " [" + slot.startAt + ", " + slot.endAt + ")")
                .collect(Collectors.joining(", "));
    }
}

package io.syndication.schedule.slot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.syndication.schedule.content.ContentStanding;

/**
 * Something wrong with a channel's schedule: a GAP (no slot), or a slot whose content may no
 * longer air then: CONTENT_NOT_APPROVED (retired or re-submitted since placement), RIGHTS_EXPIRED,
 * TERRITORY_MISMATCH, PARTNER_INACTIVE.
 */
public record Finding(UUID slotId, Reason reason, Instant start, Instant end, UUID contentId, String detail) {

    /** What is wrong: a placement rule a placed slot now breaks (its rights window as RIGHTS_EXPIRED), or a gap. */
    public enum Reason {
        GAP, CONTENT_NOT_APPROVED, RIGHTS_EXPIRED, TERRITORY_MISMATCH, PARTNER_INACTIVE;

        public static Reason of(SlotPlacement.Rule broken) {
            return switch (broken) {
                case CONTENT_NOT_APPROVED -> CONTENT_NOT_APPROVED;
                case RIGHTS_WINDOW -> RIGHTS_EXPIRED;
                case TERRITORY_MISMATCH -> TERRITORY_MISMATCH;
                case PARTNER_INACTIVE -> PARTNER_INACTIVE;
            };
        }
    }

    /**
     * Every finding of {@code [from, to)} in time order.
     *
     * @param slots     the window's slots in start order
     * @param standings what content-service says of each of their content items
     */
    public static List<Finding> of(Instant from, Instant to, List<Slot> slots, Map<UUID, ContentStanding> standings,
            List<String> channelTerritories) {
        List<Finding> findings = new ArrayList<>();
        List<Coverage.Gap> gaps = Coverage.of(from, to, slots).gaps();
        int gap = 0;
        for (Slot slot : slots) {
            while (gap < gaps.size() && gaps.get(gap).start().isBefore(slot.startAt)) {
                findings.add(gapFinding(gaps.get(gap++)));
            }
            for (SlotPlacement.Breach breach : SlotPlacement.breaches(standings.get(slot.contentId), slot.startAt, slot.endAt,
                    channelTerritories)) {
                findings.add(new Finding(slot.id, Reason.of(breach.rule()), slot.startAt, slot.endAt, slot.contentId, breach.detail()));
            }
        }
        while (gap < gaps.size()) {
            findings.add(gapFinding(gaps.get(gap++)));
        }
        return findings;
    }

    private static Finding gapFinding(Coverage.Gap gap) {
        return new Finding(null, Reason.GAP, gap.start(), gap.end(), null, "nothing is scheduled");
    }
}

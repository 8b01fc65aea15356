package io.syndication.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Whether an item may air in a territory at an instant: every reason it may not. */
public final class Availability {

    /** Why an item may not air, by the names the API reports them under. */
    public enum Reason {
        NOT_APPROVED, OUTSIDE_RIGHTS_WINDOW, TERRITORY_NOT_LICENSED, PARTNER_INACTIVE
    }

    private Availability() {
    }

    /** No reasons means it may air. The rights window is half-open: {@code [availableFrom, availableUntil)}. */
    public static List<Reason> reasonsAgainst(ContentItem item, Instant at, String territory, boolean partnerActive) {
        List<Reason> reasons = new ArrayList<>();
        if (item.status != ContentStatus.APPROVED) {
            reasons.add(Reason.NOT_APPROVED);
        }
        if (at.isBefore(item.availableFrom) || (item.availableUntil != null && !at.isBefore(item.availableUntil))) {
            reasons.add(Reason.OUTSIDE_RIGHTS_WINDOW);
        }
        if (!item.territories.contains(territory)) {
            reasons.add(Reason.TERRITORY_NOT_LICENSED);
        }
        if (!partnerActive) {
            reasons.add(Reason.PARTNER_INACTIVE);
        }
        return reasons;
    }
}

package io.syndication.content;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Whether an item may air in a territory at an instant: every reason it may not. */
public final class Availability {

    public static final String NOT_APPROVED = "NOT_APPROVED";
    public static final String OUTSIDE_RIGHTS_WINDOW = "OUTSIDE_RIGHTS_WINDOW";
    public static final String TERRITORY_NOT_LICENSED = "TERRITORY_NOT_LICENSED";
    public static final String PARTNER_INACTIVE = "PARTNER_INACTIVE";

    private Availability() {
    }

    /** No reasons means it may air. The rights window is half-open: {@code [availableFrom, availableUntil)}. */
    public static List<String> reasonsAgainst(ContentItem item, Instant at, String territory, boolean partnerActive) {
        List<String> reasons = new ArrayList<>();
        if (item.status != ContentStatus.APPROVED) {
            reasons.add(NOT_APPROVED);
        }
        if (at.isBefore(item.availableFrom) || (item.availableUntil != null && !at.isBefore(item.availableUntil))) {
            reasons.add(OUTSIDE_RIGHTS_WINDOW);
        }
        if (!item.territories.contains(territory)) {
            reasons.add(TERRITORY_NOT_LICENSED);
        }
        if (!partnerActive) {
            reasons.add(PARTNER_INACTIVE);
        }
        return reasons;
    }
}

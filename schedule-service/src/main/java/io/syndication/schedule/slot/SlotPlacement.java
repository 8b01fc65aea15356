package io.syndication.schedule.slot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.syndication.schedule.content.ContentItem;
import io.syndication.schedule.content.ContentStanding;
import io.syndication.schedule.content.ContentStatus;

/**
 * The rules a slot must meet to air: its content is APPROVED, its rights window covers the whole
 * slot, its territories cover the channel's, and its partner is ACTIVE. Each broken rule is one
 * breach; placing refuses a slot with any, validation reports those of slots already placed.
 */
public final class SlotPlacement {

    /** The rules, by the names the API reports them under. */
    public enum Rule {
        CONTENT_NOT_APPROVED, RIGHTS_WINDOW, TERRITORY_MISMATCH, PARTNER_INACTIVE
    }

    /** A broken rule and what about it is wrong. */
    public record Breach(Rule rule, String detail) {
    }

    private SlotPlacement() {
    }

    public static List<Breach> breaches(ContentStanding content, Instant start, Instant end, List<String> channelTerritories) {
        ContentItem item = content.item();
        if (item == null) {
            return List.of(new Breach(Rule.CONTENT_NOT_APPROVED, "no APPROVED content item " + content.contentId() + " exists"));
        }
        List<Breach> breaches = new ArrayList<>();
        if (item.status() != ContentStatus.APPROVED) {
            breaches.add(new Breach(Rule.CONTENT_NOT_APPROVED, "the content is " + item.status()));
        }
        if (!licensed(item, start, end)) {
            breaches.add(new Breach(Rule.RIGHTS_WINDOW, "the rights window [" + item.availableFrom() + ", "
                    + (item.availableUntil() == null ? "open" : item.availableUntil()) + ") does not cover the slot"));
        }
        List<String> missing = channelTerritories.stream().filter(t -> !item.territories().contains(t)).toList();
        if (!missing.isEmpty()) {
            breaches.add(new Breach(Rule.TERRITORY_MISMATCH, "the content is not licensed for " + missing));
        }
        if (!content.partnerActive()) {
            breaches.add(new Breach(Rule.PARTNER_INACTIVE, "the content's partner is not active"));
        }
        return breaches;
    }

    /** Whether the item's rights window covers {@code [start, end)}. */
    static boolean licensed(ContentItem item, Instant start, Instant end) {
        return !start.isBefore(item.availableFrom()) && (item.availableUntil() == null || !end.isAfter(item.availableUntil()));
    }
}

package io.syndication.schedule.slot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.syndication.schedule.client.ContentRestClient.ContentRecord;

/**
 * The rules a slot must meet when it is placed: its content is APPROVED, its rights window covers
 * the whole slot, its territories cover the channel's, and its partner is ACTIVE. Each broken rule
 * is one reason.
 */
public final class SlotPlacement {

    public static final String CONTENT_NOT_APPROVED = "CONTENT_NOT_APPROVED";
    public static final String RIGHTS_WINDOW = "RIGHTS_WINDOW";
    public static final String TERRITORY_MISMATCH = "TERRITORY_MISMATCH";
    public static final String PARTNER_INACTIVE = "PARTNER_INACTIVE";

    /** A broken rule and what about it is wrong. */
    public record Breach(String rule, String detail) {
    }

    private SlotPlacement() {
    }

    public static List<Breach> breaches(ContentRecord content, Instant start, Instant end, List<String> channelTerritories,
            boolean partnerActive) {
        List<Breach> breaches = new ArrayList<>();
        if (!"APPROVED".equals(content.status())) {
            breaches.add(new Breach(CONTENT_NOT_APPROVED, "the content is " + content.status()));
        }
        if (start.isBefore(content.availableFrom()) || (content.availableUntil() != null && end.isAfter(content.availableUntil()))) {
            breaches.add(new Breach(RIGHTS_WINDOW, "the rights window [" + content.availableFrom() + ", "
                    + (content.availableUntil() == null ? "open" : content.availableUntil()) + ") does not cover the slot"));
        }
        List<String> missing = channelTerritories.stream().filter(t -> !content.territories().contains(t)).toList();
        if (!missing.isEmpty()) {
            breaches.add(new Breach(TERRITORY_MISMATCH, "the content is not licensed for " + missing));
        }
        if (!partnerActive) {
            breaches.add(new Breach(PARTNER_INACTIVE, "the content's partner is not active"));
        }
        return breaches;
    }
}

package io.syndication.schedule.slot;

import java.util.UUID;

import io.syndication.schedule.client.ContentRestClient.ContentRecord;

/**
 * What content-service says of one content item: the item as an operator sees it (null when the
 * operator may not see it: not, or no longer, APPROVED) and whether its partner is ACTIVE.
 */
public record ContentStanding(UUID contentId, ContentRecord item, boolean partnerActive) {

    public boolean isLive() {
        return item != null && SlotService.isLive(item);
    }
}

package io.syndication.schedule.content;

import java.util.UUID;

/**
 * What content-service says of one content item: the item as an operator sees it (null when the
 * operator may not see it: not, or no longer, APPROVED) and whether its partner is ACTIVE.
 */
public record ContentStanding(UUID contentId, ContentItem item, boolean partnerActive) {

    public boolean isLive() {
        return item != null && item.isLive();
    }
}

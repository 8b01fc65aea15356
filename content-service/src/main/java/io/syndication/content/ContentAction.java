package io.syndication.content;

import java.util.Set;

/**
 * Moderation: {@code DRAFT -> SUBMITTED -> APPROVED | REJECTED}, {@code APPROVED -> RETIRED};
 * a rejected item is edited and submitted again.
 */
public enum ContentAction {

    SUBMIT(Set.of(ContentStatus.DRAFT, ContentStatus.REJECTED), ContentStatus.SUBMITTED, false),
    APPROVE(Set.of(ContentStatus.SUBMITTED), ContentStatus.APPROVED, false),
    REJECT(Set.of(ContentStatus.SUBMITTED), ContentStatus.REJECTED, true),
    RETIRE(Set.of(ContentStatus.APPROVED), ContentStatus.RETIRED, false);

    private final Set<ContentStatus> from;
    private final ContentStatus to;
    private final boolean needsReason;

    ContentAction(Set<ContentStatus> from, ContentStatus to, boolean needsReason) {
        this.from = from;
        this.to = to;
        this.needsReason = needsReason;
    }

    public boolean allowedFrom(ContentStatus status) {
        return from.contains(status);
    }

    public ContentStatus result() {
        return to;
    }

    public boolean needsReason() {
        return needsReason;
    }
}

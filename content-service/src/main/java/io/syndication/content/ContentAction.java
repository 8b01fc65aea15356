package io.syndication.content;

import java.util.Set;

/**
 * Moderation: {@code DRAFT -> SUBMITTED -> APPROVED | REJECTED}, {@code APPROVED -> RETIRED};
 * a rejected item is edited and submitted again. A moderator's verdict names the version reviewed.
 */
public enum ContentAction {

    SUBMIT(Set.of(ContentStatus.DRAFT, ContentStatus.REJECTED), ContentStatus.SUBMITTED, false, false, "content.submitted"),
    APPROVE(Set.of(ContentStatus.SUBMITTED), ContentStatus.APPROVED, false, true, "content.approved"),
    REJECT(Set.of(ContentStatus.SUBMITTED), ContentStatus.REJECTED, true, true, "content.rejected"),
    RETIRE(Set.of(ContentStatus.APPROVED), ContentStatus.RETIRED, false, false, "content.retired");

    private final Set<ContentStatus> from;
    private final ContentStatus to;
    private final boolean needsReason;
    private final boolean judgesAVersion;
    private final String eventType;

    ContentAction(Set<ContentStatus> from, ContentStatus to, boolean needsReason, boolean judgesAVersion,
            String eventType) {
        this.from = from;
        this.to = to;
        this.needsReason = needsReason;
        this.judgesAVersion = judgesAVersion;
        this.eventType = eventType;
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

    /** Approve and reject judge what the moderator saw: they apply to that version only, never to a later edit. */
    public boolean judgesAVersion() {
        return judgesAVersion;
    }

    /** The event announcing that an item went through this step. */
    public String eventType() {
        return eventType;
    }
}

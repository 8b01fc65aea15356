package io.syndication.content;

/** Moderation lifecycle: DRAFT -> SUBMITTED -> APPROVED | REJECTED, APPROVED -> RETIRED. */
public enum ContentStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED, RETIRED
}

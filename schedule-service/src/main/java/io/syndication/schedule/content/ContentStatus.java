package io.syndication.schedule.content;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Where an item stands in content-service's moderation; only an APPROVED one airs. */
public enum ContentStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED, RETIRED, OTHER;

    @JsonCreator
    static ContentStatus of(String name) {
        for (ContentStatus status : values()) {
            if (status.name().equals(name)) {
                return status;
            }
        }
        return OTHER;
    }
}

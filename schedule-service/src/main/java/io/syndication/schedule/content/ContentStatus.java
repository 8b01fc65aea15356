package io.syndication.schedule.content;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Where an item stands in content-service's moderation; only an APPROVED one airs. */
public enum ContentStatus {
    DRAFT, SUBMITTED, APPROVED, REJECTED, RETIRED,
    @JsonEnumDefaultValue
    OTHER
}

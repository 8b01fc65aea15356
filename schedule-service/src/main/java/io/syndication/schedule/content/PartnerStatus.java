package io.syndication.schedule.content;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Where a partner stands in partner-service; only an ACTIVE partner's content airs. A status added there later reads as OTHER. */
public enum PartnerStatus {
    APPLIED, ACTIVE, REJECTED, SUSPENDED, TERMINATED,
    @JsonEnumDefaultValue
    OTHER;

    /** Suspended or terminated: a partner that was ACTIVE and was stopped, whose content may not be placed. */
    public boolean stopped() {
        return this == SUSPENDED || this == TERMINATED;
    }
}

package io.syndication.content.client;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Where partner-service says a partner is in its lifecycle. A status it adds later reads as
 * {@link #UNRECOGNISED}: not ACTIVE, so the partner is refused rather than the request failing.
 */
public enum PartnerStatus {
    APPLIED, ACTIVE, REJECTED, SUSPENDED, TERMINATED, UNRECOGNISED;

    @JsonCreator
    static PartnerStatus of(String status) {
        for (PartnerStatus known : values()) {
            if (known.name().equals(status)) {
                return known;
            }
        }
        return UNRECOGNISED;
    }
}

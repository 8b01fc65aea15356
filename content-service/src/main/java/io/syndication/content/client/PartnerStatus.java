package io.syndication.content.client;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * Where partner-service says a partner is in its lifecycle. A status it adds later reads as
 * {@link #UNRECOGNISED}: not ACTIVE, so the partner is refused rather than the request failing.
 */
public enum PartnerStatus {
    APPLIED, ACTIVE, REJECTED, SUSPENDED, TERMINATED,
    @JsonEnumDefaultValue
    UNRECOGNISED
}

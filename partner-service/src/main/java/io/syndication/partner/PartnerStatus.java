package io.syndication.partner;

/** Where a partner is in its lifecycle: APPLIED -> ACTIVE | REJECTED, ACTIVE <-> SUSPENDED, -> TERMINATED. */
public enum PartnerStatus {
    APPLIED, ACTIVE, REJECTED, SUSPENDED, TERMINATED
}

package io.syndication.partner;

import java.util.Set;

/**
 * What an admin does to a partner, and the lifecycle it follows:
 * {@code APPLIED -> ACTIVE | REJECTED}, {@code ACTIVE <-> SUSPENDED}, {@code ACTIVE | SUSPENDED -> TERMINATED}.
 */
public enum PartnerAction {

    APPROVE(Set.of(PartnerStatus.APPLIED), PartnerStatus.ACTIVE, false),
    REJECT(Set.of(PartnerStatus.APPLIED), PartnerStatus.REJECTED, true),
    SUSPEND(Set.of(PartnerStatus.ACTIVE), PartnerStatus.SUSPENDED, true),
    REINSTATE(Set.of(PartnerStatus.SUSPENDED), PartnerStatus.ACTIVE, false),
    TERMINATE(Set.of(PartnerStatus.ACTIVE, PartnerStatus.SUSPENDED), PartnerStatus.TERMINATED, true);

    private final Set<PartnerStatus> from;
    private final PartnerStatus to;
    private final boolean needsReason;

    PartnerAction(Set<PartnerStatus> from, PartnerStatus to, boolean needsReason) {
        this.from = from;
        this.to = to;
        this.needsReason = needsReason;
    }

    public boolean allowedFrom(PartnerStatus status) {
        return from.contains(status);
    }

    public PartnerStatus result() {
        return to;
    }

    /** Rejection, suspension and termination are explained to the partner and kept in the audit trail. */
    public boolean needsReason() {
        return needsReason;
    }
}

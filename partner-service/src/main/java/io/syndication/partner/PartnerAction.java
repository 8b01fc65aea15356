package io.syndication.partner;

import java.util.Set;

/**
 * What an admin does to a partner, and the lifecycle it follows:
 * {@code APPLIED -> ACTIVE | REJECTED}, {@code ACTIVE <-> SUSPENDED}, {@code ACTIVE | SUSPENDED -> TERMINATED}.
 */
public enum PartnerAction {

    APPROVE(Set.of(PartnerStatus.APPLIED), PartnerStatus.ACTIVE, false, "partner.approved"),
    REJECT(Set.of(PartnerStatus.APPLIED), PartnerStatus.REJECTED, true, "partner.rejected"),
    SUSPEND(Set.of(PartnerStatus.ACTIVE), PartnerStatus.SUSPENDED, true, "partner.suspended"),
    REINSTATE(Set.of(PartnerStatus.SUSPENDED), PartnerStatus.ACTIVE, false, "partner.reinstated"),
    TERMINATE(Set.of(PartnerStatus.ACTIVE, PartnerStatus.SUSPENDED), PartnerStatus.TERMINATED, true, "partner.terminated");

    private final Set<PartnerStatus> from;
    private final PartnerStatus to;
    private final boolean needsReason;
    private final String eventType;

    PartnerAction(Set<PartnerStatus> from, PartnerStatus to, boolean needsReason, String eventType) {
        this.from = from;
        this.to = to;
        this.needsReason = needsReason;
        this.eventType = eventType;
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

    /** The event announcing that a partner went through this step. */
    public String eventType() {
        return eventType;
    }
}

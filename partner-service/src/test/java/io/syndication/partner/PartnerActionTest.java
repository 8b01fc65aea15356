package io.syndication.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The lifecycle, every status against every action. */
class PartnerActionTest {

    private static final Map<PartnerAction, Set<PartnerStatus>> LEGAL = Map.of(
            PartnerAction.APPROVE, EnumSet.of(PartnerStatus.APPLIED),
            PartnerAction.REJECT, EnumSet.of(PartnerStatus.APPLIED),
            PartnerAction.SUSPEND, EnumSet.of(PartnerStatus.ACTIVE),
            PartnerAction.REINSTATE, EnumSet.of(PartnerStatus.SUSPENDED),
            PartnerAction.TERMINATE, EnumSet.of(PartnerStatus.ACTIVE, PartnerStatus.SUSPENDED));

    @Test
    void eachActionIsAllowedFromExactlyItsStatuses() {
        for (PartnerAction action : PartnerAction.values()) {
            for (PartnerStatus status : PartnerStatus.values()) {
                assertEquals(LEGAL.get(action).contains(status), action.allowedFrom(status), action + " from " + status);
            }
        }
    }

    @Test
    void actionsLeadWhereTheLifecycleSays() {
        assertEquals(PartnerStatus.ACTIVE, PartnerAction.APPROVE.result());
        assertEquals(PartnerStatus.REJECTED, PartnerAction.REJECT.result());
        assertEquals(PartnerStatus.SUSPENDED, PartnerAction.SUSPEND.result());
        assertEquals(PartnerStatus.ACTIVE, PartnerAction.REINSTATE.result());
        assertEquals(PartnerStatus.TERMINATED, PartnerAction.TERMINATE.result());
    }

    @Test
    void rejectingSuspendingAndTerminatingNeedAReason() {
        assertEquals(EnumSet.of(PartnerAction.REJECT, PartnerAction.SUSPEND, PartnerAction.TERMINATE),
                EnumSet.copyOf(java.util.Arrays.stream(PartnerAction.values()).filter(PartnerAction::needsReason).toList()));
    }
}

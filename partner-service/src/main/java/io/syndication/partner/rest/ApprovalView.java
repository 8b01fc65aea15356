package io.syndication.partner.rest;

import java.util.UUID;

import io.syndication.partner.PartnerStatus;
import io.syndication.partner.PartnerService.Transition;

/** An approved partner with its API credentials: the secret is shown this once. */
public record ApprovalView(UUID id, String slug, PartnerStatus status, long version, String clientId,
        String clientSecret) {

    static ApprovalView of(Transition approval) {
        return new ApprovalView(approval.partner().id, approval.partner().slug, approval.partner().status,
                approval.partner().version, approval.credentials().clientId(), approval.credentials().clientSecret());
    }
}

package io.syndication.partner.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.partner.PartnerStatus;
import io.syndication.partner.PartnerService.Transition;

/** An approved partner with its API credentials: the secret is shown this once. */
public record ApprovalView(
        @Schema(examples = "6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0002") UUID id,
        @Schema(examples = "cricket-council") String slug,
        PartnerStatus status,
        @Schema(examples = "1") long version,
        @Schema(examples = "partner-cricket-council") String clientId,
        @Schema(description = "Shown this once; store it in your secret manager", examples = "q8X2vZr1KwP9mT4sLd0Yc7Hn") String clientSecret,
        @Schema(description = "The webhook subscription made from the application's webhookUrl, for every event type, with its signing secret shown this once; absent without a webhookUrl")
        WebhookView webhook) {

    static ApprovalView of(Transition approval) {
        return new ApprovalView(approval.partner().id, approval.partner().slug, approval.partner().status,
                approval.partner().version, approval.credentials().clientId(), approval.credentials().clientSecret(),
                approval.webhook() == null ? null : WebhookView.withSecret(approval.webhook()));
    }
}

package io.syndication.partner.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.syndication.partner.webhooks.WebhookSubscription;

/** A webhook subscription as the API shows it; the signing secret only when it was just made or rotated. */
public record WebhookView(
        @Schema(examples = "3d0f6c8e-2b7a-4f51-9a43-7c1e5b9d2a10") UUID id,
        @Schema(examples = "https://api.cricket-council.example/hooks/syndication") String url,
        @Schema(description = "The event types posted (see /asyncapi); empty: every type the owner may receive",
                examples = "[\"content.approved\", \"content.rejected\"]") List<String> eventTypes,
        boolean enabled,
        @Schema(description = "Shown once, when the subscription is made and when it is rotated: verify every delivery's webhook-signature with it (Standard Webhooks)",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
        @Schema(description = "The partner whose events it receives; absent for a platform-wide subscription") UUID partnerId,
        @Schema(description = "Since when every delivery has failed; a subscription failing for 24 h is disabled") Instant failingSince,
        @Schema(description = "Why it is disabled, when it is") String disabledReason,
        Instant createdAt,
        Instant updatedAt) {

    static WebhookView of(WebhookSubscription subscription) {
        return new WebhookView(subscription.id, subscription.url, subscription.eventTypes, subscription.enabled, null,
                subscription.partnerId, subscription.failingSince, subscription.disabledReason, subscription.createdAt,
                subscription.updatedAt);
    }

    /** With its secret: the answer to its creation or to a rotation. */
    static WebhookView withSecret(WebhookSubscription subscription) {
        return new WebhookView(subscription.id, subscription.url, subscription.eventTypes, subscription.enabled,
                subscription.secret, subscription.partnerId, subscription.failingSince, subscription.disabledReason,
                subscription.createdAt, subscription.updatedAt);
    }
}

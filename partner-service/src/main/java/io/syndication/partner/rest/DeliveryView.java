package io.syndication.partner.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.partner.webhooks.DeliveryTable.DeliveryLog;

/** One event's delivery to a subscription, as its last attempt left it. */
public record DeliveryView(
        UUID id,
        @Schema(description = "The CloudEvent's id, also sent as webhook-id") String eventId,
        @Schema(examples = "content.approved") String type,
        @Schema(description = "PENDING (due, or waiting for its next retry), DELIVERED, or FAILED (retries ended)") String status,
        @Schema(description = "Attempts made so far") int attempt,
        @Schema(description = "The receiver's status code at the last attempt; absent when none came") Integer statusCode,
        @Schema(description = "How long the last attempt took, in milliseconds") Integer latencyMs,
        @Schema(description = "Why the last attempt failed, when no status code says it") String error,
        @Schema(description = "When it is tried next, while PENDING") Instant nextRetry,
        Instant createdAt,
        Instant deliveredAt) {

    static DeliveryView of(DeliveryLog log) {
        return new DeliveryView(log.id(), log.eventId(), log.type(), log.status(), log.attempt(), log.statusCode(),
                log.latencyMs(), log.error(), "PENDING".equals(log.status()) ? log.nextRetry() : null, log.createdAt(),
                log.deliveredAt());
    }
}

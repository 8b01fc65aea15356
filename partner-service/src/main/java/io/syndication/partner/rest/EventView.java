package io.syndication.partner.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.syndication.partner.PartnerEvent;

/** One entry of a partner's audit trail. */
public record EventView(
        @Schema(examples = "0c9a3f5e-55b1-4d8e-9a52-3f3c2b7d9e11") UUID id,
        @Schema(examples = "admin:service-account-suite-admin") String actor,
        @Schema(description = "APPLIED, UPDATED, APPROVE, REJECT, SUSPEND, REINSTATE, TERMINATE or CREDENTIALS_ROTATED", examples = "SUSPEND") String action,
        @Schema(examples = "Match feeds delivered outside licensed territories") String reason,
        @Schema(type = SchemaType.OBJECT, description = "Each changed field with its value before and after",
                examples = "{\"status\": {\"from\": \"ACTIVE\", \"to\": \"SUSPENDED\"}}") @JsonRawValue String changes,
        @Schema(examples = "2026-11-20T04:12:09.123456Z") Instant occurredAt) {

    static EventView of(PartnerEvent event) {
        return new EventView(event.id, event.actor, event.action, event.reason, event.changes, event.occurredAt);
    }
}

package io.syndication.partner.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

import io.syndication.partner.PartnerEvent;

/** One entry of a partner's audit trail. */
public record EventView(UUID id, String actor, String action, String reason,
        @JsonRawValue String changes, Instant occurredAt) {

    static EventView of(PartnerEvent event) {
        return new EventView(event.id, event.actor, event.action, event.reason, event.changes, event.occurredAt);
    }
}

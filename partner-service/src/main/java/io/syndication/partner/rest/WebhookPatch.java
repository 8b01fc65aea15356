package io.syndication.partner.rest;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A change to a subscription: only what is sent changes. Enabling a disabled subscription clears its failure. */
public record WebhookPatch(
        @Size(min = 1, max = 2048) String url,
        @Size(max = 50) List<@NotNull @Size(max = 100) String> eventTypes,
        @Schema(description = "false pauses deliveries; true resumes them (and re-enables a subscription disabled after 24 h of failures)")
        Boolean enabled) {
}

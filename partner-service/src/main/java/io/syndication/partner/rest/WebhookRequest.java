package io.syndication.partner.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new subscription: where to post, and which event types (none: every type its owner may receive). */
public record WebhookRequest(
        @Schema(description = "https; a public host", examples = "https://api.cricket-council.example/hooks/syndication")
        @NotBlank @Size(max = 2048) String url,
        @Schema(examples = "[\"content.approved\", \"content.rejected\", \"schedule.healed\"]")
        @Size(max = 50) List<@NotNull @Size(max = 100) String> eventTypes) {
}

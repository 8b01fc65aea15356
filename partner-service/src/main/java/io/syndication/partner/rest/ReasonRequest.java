package io.syndication.partner.rest;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an admin rejects, suspends or terminates a partner (required for those; optional otherwise). */
public record ReasonRequest(
        @Schema(examples = "Content delivered outside the licensed territories; see ticket OPS-4411")
        @Size(max = 1000) String reason) {
}

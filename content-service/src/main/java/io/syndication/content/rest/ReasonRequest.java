package io.syndication.content.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.content.validation.StorableText;

/** Why an admin rejects an item: the partner reads it to fix the item. */
public record ReasonRequest(
        @Schema(examples = "Thumbnail shows a betting sponsor; not allowed in IN") @NotBlank @Size(max = 1000) @StorableText String reason) {
}

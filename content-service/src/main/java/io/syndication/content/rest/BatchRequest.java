package io.syndication.content.rest;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Up to 1000 items, each created or updated by its externalId on its own. */
public record BatchRequest(
        @Schema(description = "Each item needs its externalId") @NotNull @Size(max = BatchRequest.LIMIT, message = "holds at most 1000 items per request")
        List<ContentRequest> items) {

    static final int LIMIT = 1000;
}

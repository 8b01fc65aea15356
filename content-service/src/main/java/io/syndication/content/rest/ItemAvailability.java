package io.syndication.content.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.content.Availability;

/** One item of an availability query: the item, whether it may air then and there, and every reason why not. */
public record ItemAvailability(
        ContentView content,
        boolean available,
        List<Availability.Reason> reasons,
        @Schema(description = "The sequence of the last event about the item on the content topic (0 before any): "
                + "this answer already reflects every event up to it")
        long sequence) {
}

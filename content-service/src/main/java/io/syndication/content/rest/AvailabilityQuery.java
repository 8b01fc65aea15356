package io.syndication.content.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.http.validation.OnTheCalendar;
import io.syndication.http.validation.Territory;

/** Many items asked about at once: may each air in a territory at an instant? */
public record AvailabilityQuery(
        @Schema(description = "The items, at most 500; an id given twice is answered once") @NotNull
        @Size(min = 1, max = AvailabilityQuery.LIMIT, message = "names 1 to 500 items") List<@NotNull UUID> ids,
        @NotNull @OnTheCalendar Instant at,
        @NotNull @Territory String territory) {

    static final int LIMIT = 500;
}

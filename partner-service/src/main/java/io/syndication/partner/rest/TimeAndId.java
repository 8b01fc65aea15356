package io.syndication.partner.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import io.syndication.http.Page;

/**
 * Where a page ordered by a time and then an id starts: after the row of this time and id (both
 * null for the first page). A cursor names it as {@code <time>|<id>}.
 */
record TimeAndId(Instant time, UUID id) {

    static String key(Instant time, UUID id) {
        return time + "|" + id;
    }

    /** The position a cursor's key names; a key this API did not make is a 400. */
    static TimeAndId parse(String key) {
        if (key == null) {
            return new TimeAndId(null, null);
        }
        String[] parts = key.split("\\|", 2);
        try {
            return new TimeAndId(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (DateTimeParseException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            throw Page.invalidCursor();
        }
    }
}

package io.syndication.content;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;

import io.syndication.content.validation.StorableText;
import io.syndication.http.validation.OnTheCalendar;
import io.syndication.http.Page;

/**
 * The order a catalogue search lists items in: a field, ascending or descending ({@code -updatedAt}),
 * then the id, so that the order is total and a cursor names exactly where a page ends.
 */
public record ContentOrder(Field field, boolean descending) {

    /** The fields a search can be sorted by, as the API names them. */
    public enum Field {
        ID("id", null, item -> item.id.toString()),
        AVAILABLE_FROM("availableFrom", "available_from", item -> item.availableFrom.toString()),
        UPDATED_AT("updatedAt", "updated_at", item -> item.updatedAt.toString()),
        TITLE("title", "title", item -> item.title);

        final String name;
        final String column;
        final Function<ContentItem, String> key;

        Field(String name, String column, Function<ContentItem, String> key) {
            this.name = name;
            this.column = column;
            this.key = key;
        }
    }

    public static final ContentOrder DEFAULT = new ContentOrder(Field.ID, false);

    /** {@code availableFrom}, {@code -updatedAt}, ...: by id when absent, null when not a known field. */
    public static ContentOrder parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return DEFAULT;
        }
        boolean descending = sort.startsWith("-");
        String name = descending ? sort.substring(1) : sort;
        return Arrays.stream(Field.values()).filter(field -> field.name.equals(name)).findFirst()
                .map(field -> new ContentOrder(field, descending)).orElse(null);
    }

    public static String allowed() {
        return Arrays.stream(Field.values()).map(field -> field.name).toList() + ", each with - for descending";
    }

    /** Where an item stands in this order: its sort value and id. */
    public String cursorOf(ContentItem item) {
        return field == Field.ID ? item.id.toString() : field.key.apply(item) + "|" + item.id;
    }

    /** The SQL column, or null when sorting by id alone. */
    public String column() {
        return field.column;
    }

    /** Where a page starts: after the item with this sort value (null when sorting by id) and id. */
    public record Position(Object value, UUID id) {
    }

    /**
     * The position a cursor key made by {@link #cursorOf} names; null for the first page; an invalid
     * cursor problem when the key was not made by this order.
     */
    public Position positionOf(String key) {
        if (key == null) {
            return null;
        }
        Position position;
        try {
            if (field == Field.ID) {
                return new Position(null, UUID.fromString(key));
            }
            int split = key.lastIndexOf('|');
            String value = key.substring(0, split);
            boolean instant = field == Field.AVAILABLE_FROM || field == Field.UPDATED_AT;
            position = new Position(instant ? Instant.parse(value) : value, UUID.fromString(key.substring(split + 1)));
        } catch (RuntimeException e) {
            throw Page.invalidCursor();
        }
        if (!storable(position.value())) {
            throw Page.invalidCursor();
        }
        return position;
    }

    /** A key this order made holds a stored value; any other would reach PostgreSQL and fail there. */
    private static boolean storable(Object value) {
        return value instanceof Instant instant ? OnTheCalendar.Validator.holds(instant)
                : StorableText.Validator.holds((String) value);
    }
}

package io.syndication.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of a list answer: {@code {"items": [...], "next": "<cursor or null>"}}. The cursor is
 * opaque to callers; it names the sort key of the last item, so pages stay stable while rows are
 * added before it.
 */
@RegisterForReflection
public record Page<T>(List<T> items, String next) {

    public static final int MAX_LIMIT = 200;

    /**
     * Makes a page from up to {@code limit + 1} rows fetched in sort order: the extra row only says that
     * another page exists.
     */
    public static <R, T> Page<T> of(List<R> fetched, int limit, Function<R, String> sortKey, Function<R, T> view) {
        boolean more = fetched.size() > limit;
        List<R> rows = more ? fetched.subList(0, limit) : fetched;
        String next = more ? encode(sortKey.apply(rows.get(rows.size() - 1))) : null;
        return new Page<>(rows.stream().map(view).toList(), next);
    }

    /** The sort key a cursor names, or null for the first page. */
    public static String after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
    }

    /**
     * The position a cursor names, for a list paged by a number that only grows (a row's position):
     * null for the first page; a cursor this API did not issue is a 400.
     */
    public static Long afterPosition(String cursor) {
        String key = after(cursor);
        if (key == null) {
            return null;
        }
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
    }

    public static ProblemException invalidCursor() {
        return ProblemType.INVALID_CURSOR.exception(
                "The cursor is not one this API issued; start again without it");
    }

    private static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }
}

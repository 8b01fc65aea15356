package io.syndication.http;

import jakarta.ws.rs.core.EntityTag;

/** An entity's version as its ETag, and back from an {@code If-Match} header. */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an {@code If-Match} header names, or null when the caller sent none. */
    public static Long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemType.INVALID_IF_MATCH.exception(
                    "If-Match must be an ETag this API issued, such as \"3\"");
        }
    }
}

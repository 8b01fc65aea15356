package io.syndication.content.rest;

import java.util.UUID;

import io.syndication.content.ContentItem;
import io.syndication.content.ContentKind;
import io.syndication.content.ContentStatus;

/** A content item as the API shows it. */
public record ContentView(UUID id, UUID partnerId, String externalId, ContentKind kind, String title,
        ContentStatus status, long version) {

    static ContentView of(ContentItem item) {
        return new ContentView(item.id, item.partnerId, item.externalId, item.kind, item.title, item.status,
                item.version);
    }
}

package io.syndication.schedule.content;

import com.fasterxml.jackson.annotation.JsonCreator;

/** What kind of item content-service holds; a kind added there later reads as {@link #OTHER}, never a failure. */
public enum ContentKind {
    LIVE_EVENT, PROGRAMME, CLIP, OTHER;

    @JsonCreator
    static ContentKind of(String name) {
        for (ContentKind kind : values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        return OTHER;
    }
}

package io.syndication.schedule.content;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** What kind of item content-service holds; a kind added there later reads as {@link #OTHER}, never a failure. */
public enum ContentKind {
    LIVE_EVENT, PROGRAMME, CLIP,
    @JsonEnumDefaultValue
    OTHER
}

package io.syndication.content;

/** A LIVE_EVENT has a planned start and end; a PROGRAMME or CLIP has a duration. */
public enum ContentKind {
    LIVE_EVENT, PROGRAMME, CLIP
}

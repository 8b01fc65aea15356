package io.syndication.schedule.slot;

/** PROGRAMME for programmes and clips placed by an operator, LIVE for live events, FILLER for gap filling. */
public enum SlotKind {
    PROGRAMME, LIVE, FILLER
}

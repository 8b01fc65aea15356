package io.syndication.schedule.slot.rest;

import java.util.List;

/** What a channel airs now (null in a gap) and what comes next. */
public record NowView(SlotView now, List<SlotView> next) {
}

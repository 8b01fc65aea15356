package io.syndication.schedule.slot.rest;

import java.util.List;

import io.syndication.schedule.slot.Coverage;
import io.syndication.schedule.slot.WindowService;

/** The filler slots made, and what of the window is still uncovered (only where no filler is licensed). */
public record FillView(List<SlotView> slots, List<Coverage.Gap> gaps, double coverage) {

    static FillView of(WindowService.Filled filled) {
        return new FillView(filled.slots().stream().map(SlotView::of).toList(), filled.coverage().gaps(),
                filled.coverage().coverage());
    }
}

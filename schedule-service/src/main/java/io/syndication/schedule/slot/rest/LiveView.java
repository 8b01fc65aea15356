package io.syndication.schedule.slot.rest;

import java.util.List;

import io.syndication.schedule.slot.ScheduleChange;
import io.syndication.schedule.slot.LiveService;

/** The live event's slot and every slot it changed (a removed one as it was). */
public record LiveView(SlotView live, List<Change> changes) {

    public record Change(ScheduleChange.Change change, SlotView slot) {
    }

    public static LiveView of(LiveService.LiveEdit edit) {
        return new LiveView(SlotView.of(edit.live()),
                edit.changes().stream().map(change -> new Change(change.change(), SlotView.of(change.slot()))).toList());
    }
}

package io.syndication.schedule.healing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.channel.HealingPolicy;
import io.syndication.schedule.content.ContentItem;
import io.syndication.schedule.slot.Coverage;
import io.syndication.schedule.slot.FillerRotation;
import io.syndication.schedule.slot.Finding;
import io.syndication.schedule.slot.ScheduleChange;
import io.syndication.schedule.slot.ScheduleChange.Change;
import io.syndication.schedule.slot.Slot;
import io.syndication.schedule.slot.WindowService;

/**
 * How one channel heals the slots whose content may no longer air, by its policy. FILL: a slot not
 * yet on air is removed, one on air is cut at the moment of healing, and the time given back is filled
 * from the channel's filler rotation, cut to fit (time where no filler may air stays a gap). FLAG: the
 * slot stays, and the heal says so. Takes values, returns the heals and the schedule changes that make them.
 */
public final class HealPlan {

    private HealPlan() {
    }

    /** A slot whose content may no longer air, and the first reason why. */
    public record Affected(Slot slot, Finding.Reason reason, String detail) {
    }

    /** What to record, and the changes to the channel's schedule that carry it out. */
    public record Planned(List<Heal> heals, List<ScheduleChange> changes) {
    }

    /**
     * @param affected the channel's affected slots in start order, none ended at {@code now}
     * @param fillers  the channel's fillers that may fill there, in rotation order (see {@link FillerRotation#unfit})
     */
    public static Planned of(Channel channel, List<Affected> affected, List<ContentItem> fillers, Instant now, Cause cause) {
        List<Heal> heals = new ArrayList<>(affected.size());
        List<ScheduleChange> changes = new ArrayList<>();
        FillerRotation rotation = fillers.isEmpty() ? null : new FillerRotation(channel.id, fillers);
        for (Affected one : affected) {
            Slot slot = one.slot();
            if (channel.healing == HealingPolicy.FLAG) {
                heals.add(heal(channel, one, Heal.Action.FLAGGED, null, List.of(), now, cause));
                continue;
            }
            Instant freedFrom = slot.startAt.isBefore(now) ? now : slot.startAt;
            if (freedFrom.isAfter(slot.startAt)) {
                Slot aired = slot.copy();
                aired.endAt = freedFrom;
                aired.cut = true;
                changes.add(new ScheduleChange(Change.TRIMMED, aired));
            } else {
                changes.add(new ScheduleChange(Change.REMOVED, slot));
            }
            List<Slot> made = rotation == null ? List.of()
                    : rotation.fill(List.of(new Coverage.Gap(freedFrom, slot.endAt)), WindowService.MAX_SLOTS);
            if (made.size() > WindowService.MAX_SLOTS) {
                // a tiny filler over a long slot: the rest of the time stays a gap rather than a million slots
                made = made.subList(0, WindowService.MAX_SLOTS);
            }
            made.forEach(filler -> changes.add(new ScheduleChange(Change.ADDED, filler)));
            heals.add(heal(channel, one, made.isEmpty() ? Heal.Action.CLEARED : Heal.Action.FILLED, freedFrom,
                    made.stream().map(filler -> new Heal.Replacement(filler.id, filler.contentId, filler.partnerId, filler.title, filler.startAt,
                            filler.endAt, filler.cut)).toList(), now, cause));
        }
        return new Planned(heals, changes);
    }

    private static Heal heal(Channel channel, Affected one, Heal.Action action, Instant freedFrom,
            List<Heal.Replacement> replacements, Instant now, Cause cause) {
        Slot slot = one.slot();
        return new Heal(UUID.randomUUID(), channel.id, slot.id, slot.contentId, slot.startAt, slot.endAt, action, one.reason(),
                one.detail(), freedFrom, replacements, cause.eventId(), cause.eventType(), now);
    }
}

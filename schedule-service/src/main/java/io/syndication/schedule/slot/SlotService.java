package io.syndication.schedule.slot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.syndication.http.PostgresErrors;
import io.syndication.http.ProblemException;
import io.syndication.schedule.content.ContentCatalogue;
import io.syndication.schedule.validation.Windows;

/**
 * One slot at a time: placing, moving and removing it; and reading a channel's schedule: its slots,
 * its gaps, what is on now, and what is wrong with it as the content catalogue knows its content now
 * (the local view, or content-service for what it does not hold). Whether the content of a slot placed
 * or moved may air is asked of content-service before the edit's transaction opens; the edit then holds the
 * channel's lock, and the database's exclusion constraint has the last word on overlaps (a racing
 * placement included).
 */
@ApplicationScoped
public class SlotService {

    private final SlotTable table;
    private final PlacementCheck check;
    private final ContentCatalogue catalogue;

    SlotService(SlotTable table, PlacementCheck check, ContentCatalogue catalogue) {
        this.table = table;
        this.check = check;
        this.catalogue = catalogue;
    }

    public Uni<Slot> place(UUID channelId, PlannedSlot planned) {
        return table.channel(channelId).flatMap(channel -> check.checked(channel, planned.contentId(), planned.start(),
                item -> PlacementCheck.endOf(item, planned.start(), planned.end())))
                .flatMap(placement -> {
                    Slot slot = Slot.of(channelId, placement.item(), PlacementCheck.kindOf(placement.item()),
                            planned.start(), placement.end(), false);
                    return table.editing(channelId, List.of(placement.item()), connection -> table.insert(connection, List.of(slot)))
                            .replaceWith(slot)
                            .onFailure(PostgresErrors::isExclusionViolation)
                            .recoverWithUni(e -> inTheWay(channelId, slot.startAt, slot.endAt, null));
                });
    }

    /** Moves a slot to start at {@code start}, keeping its length, if the content may air then and the time is free. */
    public Uni<Slot> move(UUID channelId, UUID slotId, Instant start) {
        return table.channel(channelId).flatMap(channel -> table.find(table.pool(), channelId, slotId).flatMap(slot -> {
            Duration length = Duration.between(slot.startAt, slot.endAt);
            return check.checked(channel, slot.contentId, start, item -> start.plus(length)).flatMap(placement -> {
                slot.startAt = start;
                slot.endAt = placement.end();
                return table.editing(channelId, connection -> table.update(connection, List.of(slot))).replaceWith(slot)
                        .onFailure(PostgresErrors::isExclusionViolation)
                        .recoverWithUni(e -> inTheWay(channelId, slot.startAt, slot.endAt, slot.id));
            });
        }));
    }

    /** Removes a slot: its time becomes a gap. */
    public Uni<Void> remove(UUID channelId, UUID slotId) {
        return table.editing(channelId, connection -> table.remove(connection, channelId, slotId));
    }

    /** The channel's slots that overlap {@code [from, to)}, in start order. */
    public Uni<List<Slot>> slots(UUID channelId, Instant from, Instant to) {
        Windows.check(from, to);
        return table.channel(channelId).flatMap(channel -> table.overlapping(channel.id, from, to));
    }

    /** What of {@code [from, to)} the channel's slots leave uncovered. */
    public Uni<Coverage> coverage(UUID channelId, Instant from, Instant to) {
        return slots(channelId, from, to).map(found -> Coverage.of(from, to, found));
    }

    /** What is on air at {@code at} (if anything) and the {@code next} slots after it. */
    public Uni<List<Slot>> fromNow(UUID channelId, Instant at, int next) {
        return table.channel(channelId).flatMap(channel -> table.endingAfter(table.pool(), channel.id, at, next + 1));
    }

    /** Every finding of {@code [from, to)}: gaps, and slots whose content may no longer air then. */
    public Uni<List<Finding>> validate(UUID channelId, Instant from, Instant to) {
        Windows.check(from, to);
        return table.channel(channelId).flatMap(channel -> table.overlapping(channelId, from, to)
                .flatMap(slots -> catalogue.standings(slots.stream().map(slot -> slot.contentId).toList(), channel.territories)
                        .map(standings -> Finding.of(from, to, slots, standings, channel.territories))));
    }

    /** The 409 for a time another slot already holds, naming that slot. */
    private Uni<Slot> inTheWay(UUID channelId, Instant start, Instant end, UUID movingSlotId) {
        return table.overlapping(channelId, start, end).flatMap(blocking -> Uni.createFrom().failure(
                ProblemException.conflict("The time is taken by " + ScheduleProblems.describe(blocking.stream()
                        .filter(slot -> !slot.id.equals(movingSlotId)).toList()))));
    }
}

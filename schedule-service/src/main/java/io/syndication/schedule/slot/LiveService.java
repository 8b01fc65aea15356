package io.syndication.schedule.slot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.syndication.http.PostgresErrors;
import io.syndication.http.ProblemException;
import io.syndication.http.ProblemType;
import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.content.ContentCatalogue;
import io.syndication.schedule.content.ContentItem;
import io.syndication.schedule.content.ContentStanding;
import io.vertx.mutiny.sqlclient.SqlClient;

/** Live events over a channel's schedule: going live, and running long, under PUSH, TRIM or DROP. */
@ApplicationScoped
public class LiveService {

    private final SlotTable table;
    private final PlacementCheck check;
    private final ContentCatalogue catalogue;
    private final ScheduleEvents events;

    LiveService(SlotTable table, PlacementCheck check, ContentCatalogue catalogue, ScheduleEvents events) {
        this.table = table;
        this.check = check;
        this.catalogue = catalogue;
        this.events = events;
    }

    /** A live event's slot and every slot it changed. */
    public record LiveEdit(Slot live, List<ScheduleChange> changes) {
    }

    /** Puts a live event on air over {@code [start, end)}, clearing the time under {@code policy}. */
    public Uni<LiveEdit> goLive(UUID channelId, UUID contentId, Instant start, Instant end, LivePolicy policy) {
        return judged(channelId, contentId, start, end, policy)
                .flatMap(insertion -> table.editing(channelId, List.of(insertion.item()),
                        connection -> cleared(connection, insertion).call(edit -> table.apply(connection, edit.changes())
                                .flatMap(ignored -> table.insert(connection, List.of(edit.live())))
                                .flatMap(ignored -> events.announceLive(connection, "live.inserted", edit)))))
                .onFailure(PostgresErrors::isExclusionViolation).transform(ScheduleProblems::concurrentEdit);
    }

    /**
     * What {@link #goLive} would do now, refused as it would be, with nothing written, locked or announced
     * (see {@link SlotTable#previewing}). The slots it would make (the live event's, a resumed rest) have no
     * id yet: going live gives them theirs.
     */
    public Uni<LiveEdit> previewLive(UUID channelId, UUID contentId, Instant start, Instant end, LivePolicy policy) {
        return judged(channelId, contentId, start, end, policy)
                .flatMap(insertion -> table.previewing(channelId, List.of(insertion.item()),
                        connection -> cleared(connection, insertion)))
                .map(LiveService::unnumbered);
    }

    /**
     * A live event's slot to insert and the item it airs, judged against the placement rules, and what the
     * catalogue says of every item a push may move.
     */
    private record Insertion(Slot live, ContentItem item, LivePolicy policy, Map<UUID, ContentStanding> standings) {
    }

    /**
     * Everything about going live that is judged before the channel's schedule is read: the channel, the
     * times, the placement rules and the kind of content (asked of content-service before any transaction).
     */
    private Uni<Insertion> judged(UUID channelId, UUID contentId, Instant start, Instant end, LivePolicy policy) {
        return table.channel(channelId).flatMap(channel -> {
            if (!end.isAfter(start)) {
                return Uni.createFrom().failure(ProblemException.invalidField("end", "must be after start"));
            }
            return check.checked(channel, contentId, start, item -> end).flatMap(placement -> {
                if (!placement.item().isLive()) {
                    return Uni.createFrom().failure(ProblemType.NOT_A_LIVE_EVENT.exception("Content " + contentId
                            + " is a " + placement.item().kind() + "; only a LIVE_EVENT goes live"));
                }
                Slot live = Slot.of(channelId, placement.item(), SlotKind.LIVE, start, end, false);
                return pushable(channel, start, policy)
                        .map(standings -> new Insertion(live, placement.item(), policy, standings));
            });
        });
    }

    /** What going live does to the schedule read on {@code connection}: the slots it changes, and how. */
    private Uni<LiveEdit> cleared(SqlClient connection, Insertion insertion) {
        Slot live = insertion.live();
        return affected(connection, live.channelId, live.startAt, live.endAt, insertion.policy()).map(slots -> {
            List<ScheduleChange> changes = LiveInsertion.clear(slots, live.startAt, live.endAt, insertion.policy());
            stillLicensed(insertion.policy(), changes, insertion.standings());
            return new LiveEdit(live, changes);
        });
    }

    /** A preview's edit with no id on the slots it would make, which are not on the schedule. */
    private static LiveEdit unnumbered(LiveEdit edit) {
        List<ScheduleChange> changes = edit.changes().stream()
                .map(change -> change.change() == ScheduleChange.Change.ADDED
                        ? new ScheduleChange(change.change(), withoutId(change.slot())) : change)
                .toList();
        return new LiveEdit(withoutId(edit.live()), changes);
    }

    private static Slot withoutId(Slot slot) {
        Slot unnumbered = slot.copy();
        unnumbered.id = null;
        return unnumbered;
    }

    /** A live event running long: its slot ends at {@code end} instead, the time it takes cleared under {@code policy}. */
    public Uni<LiveEdit> extendLive(UUID channelId, UUID slotId, Instant end, LivePolicy policy) {
        return table.channel(channelId).flatMap(channel -> table.find(table.pool(), channelId, slotId)
                .flatMap(read -> check.checked(channel, read.contentId, read.startAt, item -> end)
                        .flatMap(placement -> pushable(channel, read.endAt, policy))))
                .flatMap(standings -> table.editing(channelId, connection -> table.find(connection, channelId, slotId)
                        .flatMap(live -> {
                            if (live.kind != SlotKind.LIVE) {
                                return Uni.createFrom().failure(ProblemException.conflict(
                                        "Slot " + slotId + " is " + live.kind + ", not a live event"));
                            }
                            if (!end.isAfter(live.endAt)) {
                                return Uni.createFrom().failure(ProblemException.invalidField("end",
                                        "must be after the live event's current end " + live.endAt));
                            }
                            Instant from = live.endAt;
                            return affected(connection, channelId, from, end, policy).flatMap(found -> {
                                List<Slot> others = found.stream().filter(slot -> !slot.id.equals(slotId)).toList();
                                List<ScheduleChange> changes = LiveInsertion.clear(others, from, end, policy);
                                stillLicensed(policy, changes, standings);
                                live.endAt = end;
                                return table.apply(connection, changes)
                                        .flatMap(ignored -> table.update(connection, List.of(live)))
                                        .replaceWith(new LiveEdit(live, changes))
                                        .call(edit -> events.announceLive(connection, "live.extended", edit));
                            });
                        })))
                .onFailure(PostgresErrors::isExclusionViolation).transform(ScheduleProblems::concurrentEdit);
    }

    /**
     * For a push, what the catalogue says of every item the push may move (the local view, or
     * content-service for what it does not hold), asked before the channel's lock is taken, so that a
     * slow content-service never holds up other edits.
     */
    private Uni<Map<UUID, ContentStanding>> pushable(Channel channel, Instant from, LivePolicy policy) {
        if (policy != LivePolicy.PUSH) {
            return Uni.createFrom().item(Map.of());
        }
        return table.endingAfter(table.pool(), channel.id, from, WindowService.MAX_SLOTS + 1)
                .flatMap(slots -> catalogue.standings(slots.stream().map(slot -> slot.contentId).toList(), channel.territories));
    }

    /** A push must not carry a slot past its content's rights (see {@link LiveInsertion#pastRights}); TRIM and DROP move nothing later. */
    private static void stillLicensed(LivePolicy policy, List<ScheduleChange> changes, Map<UUID, ContentStanding> standings) {
        if (policy != LivePolicy.PUSH) {
            return;
        }
        var unlicensed = LiveInsertion.pastRights(changes, standings);
        if (!unlicensed.isEmpty()) {
            throw ScheduleProblems.refused(ProblemType.PLACEMENT_RULE.problem("The push would carry "
                    + unlicensed.size() + " slots past their content's rights; use TRIM or DROP, or move them first"),
                    unlicensed);
        }
    }

    /**
     * What a live event over {@code [start, end)} may touch: for a push everything after it begins,
     * up to {@link WindowService#MAX_SLOTS} slots (a push that would have to consider more is refused).
     */
    private Uni<List<Slot>> affected(SqlClient connection, UUID channelId, Instant start, Instant end, LivePolicy policy) {
        return policy == LivePolicy.PUSH
                ? table.endingAfter(connection, channelId, start, WindowService.MAX_SLOTS + 1).map(later -> {
                    if (later.size() > WindowService.MAX_SLOTS) {
                        throw ProblemType.PUSH_TOO_LONG.exception("The push would move more than " + WindowService.MAX_SLOTS
                                + " later slots; leave a gap after the event, or use TRIM or DROP");
                    }
                    return later;
                })
                : table.overlapping(connection, channelId, start, end);
    }
}

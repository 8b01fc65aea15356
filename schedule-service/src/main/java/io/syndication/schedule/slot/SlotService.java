package io.syndication.schedule.slot;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.syndication.http.PostgresErrors;
import io.syndication.http.Problem;
import io.syndication.http.ProblemException;
import io.syndication.http.ProblemType;
import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.client.ContentClient;
import io.syndication.schedule.client.ContentRestClient.ContentRecord;
import io.syndication.schedule.validation.Windows;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Edits channels' schedules. Whether content may air is asked of content-service before any
 * transaction opens; the edit itself then runs in one transaction holding the channel's lock, and
 * the database's exclusion constraint has the last word on overlaps (a racing single placement
 * included).
 */
@ApplicationScoped
public class SlotService {

    /** How many content items are asked about at once when a window names many. */
    private static final int CONCURRENT_LOOKUPS = 8;
    /** Distinct content items one window may name: each is asked of content-service. */
    static final int MAX_ITEMS_PER_WINDOW = 500;
    /** Slots one window or fill may hold: a month of back-to-back 30-second clips, with room to spare. */
    public static final int MAX_SLOTS = 100_000;
    /** A refused window lists this many problems at most; the detail gives the count. */
    private static final int LISTED_VIOLATIONS = 100;

    private final SlotTable table;
    private final ContentClient content;

    public SlotService(SlotTable table, ContentClient content) {
        this.table = table;
        this.content = content;
    }

    /** A slot asked for: its content, its start, and its end only for a live event. */
    public record Planned(UUID contentId, Instant start, Instant end) {
    }

    /** A live event's slot and every slot it changed. */
    public record LiveEdit(Slot live, List<ScheduleChange> changes) {
    }

    /** The filler slots made, and the window's coverage after them. */
    public record Filled(List<Slot> slots, Coverage coverage) {
    }

    /** The channel whose schedule is asked for; a 404 if there is none. */
    public Uni<Channel> channel(UUID channelId) {
        return table.channel(channelId);
    }

    /** The channel, once {@code [from, to)} is known to be a window one request may cover. */
    public Uni<Channel> channel(UUID channelId, Instant from, Instant to) {
        Windows.check(from, to);
        return table.channel(channelId);
    }

    public Uni<Slot> slot(UUID channelId, UUID slotId) {
        return table.slot(channelId, slotId);
    }

    /** The channel's slots that overlap {@code [from, to)}, in start order. */
    public Uni<List<Slot>> slots(Channel channel, Instant from, Instant to) {
        return table.overlapping(channel.id, from, to);
    }

    /** What is on air at {@code at} (if anything) and the {@code next} slots after it. */
    public Uni<List<Slot>> fromNow(Channel channel, Instant at, int next) {
        return table.fromNow(channel.id, at, next + 1);
    }

    /** Removes a slot: its time becomes a gap. */
    public Uni<Void> remove(UUID channelId, UUID slotId) {
        return table.editing(channelId, connection -> table.remove(connection, channelId, slotId));
    }

    public Uni<Slot> place(Channel channel, Planned planned, String authorization) {
        return checked(channel, planned.contentId(), planned.start(), item -> endOf(item, planned.start(), planned.end()),
                authorization)
                .flatMap(placement -> {
                    Slot slot = Slot.of(channel.id, placement.item(), kindOf(placement.item()), planned.start(), placement.end(),
                            false);
                    return table.editing(channel.id, connection -> table.insert(connection, List.of(slot))).replaceWith(slot)
                            .onFailure(PostgresErrors::isExclusionViolation)
                            .recoverWithUni(e -> inTheWay(channel.id, slot.startAt, slot.endAt, null));
                });
    }

    /**
     * Moves a slot to start at {@code start}, keeping its length, if the content may air then and the
     * time is free.
     */
    public Uni<Slot> move(Channel channel, Slot slot, Instant start, String authorization) {
        Duration length = Duration.between(slot.startAt, slot.endAt);
        return checked(channel, slot.contentId, start, item -> start.plus(length), authorization)
                .flatMap(placement -> {
                    slot.startAt = start;
                    slot.endAt = placement.end();
                    return table.editing(channel.id, connection -> table.update(connection, List.of(slot))).replaceWith(slot)
                            .onFailure(PostgresErrors::isExclusionViolation)
                            .recoverWithUni(e -> inTheWay(channel.id, slot.startAt, slot.endAt, slot.id));
                });
    }

    /**
     * Replaces everything in {@code [from, to)} with {@code planned}, all or nothing: every slot must
     * lie in the window, none may overlap another, each must pass the placement rules, and no slot
     * already there may cross the window's edges.
     */
    public Uni<List<Slot>> replace(Channel channel, Instant from, Instant to, List<Planned> planned, String authorization) {
        Set<UUID> contentIds = planned.stream().map(Planned::contentId).collect(Collectors.toSet());
        if (contentIds.size() > MAX_ITEMS_PER_WINDOW) {
            return Uni.createFrom().failure(ProblemException.invalidField("contentId", "a window may air at most "
                    + MAX_ITEMS_PER_WINDOW + " distinct content items; this one names " + contentIds.size()));
        }
        return standings(contentIds, channel, authorization).flatMap(standings -> {
            List<Slot> slots = windowOf(channel, from, to, planned, standings);
            return table.editing(channel.id, connection -> table.overlapping(connection, channel.id, from, to)
                    .flatMap(existing -> {
                        List<Slot> crossing = existing.stream()
                                .filter(slot -> slot.startAt.isBefore(from) || slot.endAt.isAfter(to)).toList();
                        if (!crossing.isEmpty()) {
                            return Uni.createFrom().failure(ProblemException.conflict("The window's edges cut through "
                                    + describe(crossing) + "; choose edges between slots"));
                        }
                        return table.deleteWithin(connection, channel.id, from, to)
                                .flatMap(ignored -> table.insert(connection, slots)).replaceWith(slots);
                    }))
                    .onFailure(PostgresErrors::isExclusionViolation).transform(SlotService::concurrentEdit);
        });
    }

    /** Checks a whole window's slots before anything is written, naming every problem by its index. */
    private static List<Slot> windowOf(Channel channel, Instant from, Instant to, List<Planned> planned,
            Map<UUID, ContentStanding> standings) {
        List<Problem.Violation> invalid = new ArrayList<>();
        List<Problem.Violation> unplaceable = new ArrayList<>();
        List<Slot> slots = new ArrayList<>(planned.size());
        Map<UUID, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < planned.size(); i++) {
            Planned one = planned.get(i);
            ContentStanding standing = standings.get(one.contentId());
            if (standing.item() == null) {
                unplaceable.add(violation(i, SlotPlacement.breaches(standing, one.start(), one.start(), channel.territories)));
                continue;
            }
            Instant end;
            try {
                end = endOf(standing.item(), one.start(), one.end());
            } catch (ProblemException wrongEnd) {
                invalid.add(new Problem.Violation("[" + i + "].end", wrongEnd.problem().violations().get(0).message()));
                continue;
            }
            if (one.start().isBefore(from) || end.isAfter(to)) {
                invalid.add(new Problem.Violation("[" + i + "]", "[" + one.start() + ", " + end + ") lies outside the window"));
                continue;
            }
            List<SlotPlacement.Breach> breaches = SlotPlacement.breaches(standing, one.start(), end, channel.territories);
            if (!breaches.isEmpty()) {
                unplaceable.add(violation(i, breaches));
            }
            Slot slot = Slot.of(channel.id, standing.item(), kindOf(standing.item()), one.start(), end, false);
            slots.add(slot);
            indexOf.put(slot.id, i);
        }
        List<Slot> ordered = new ArrayList<>(slots);
        ordered.sort(Comparator.comparing(slot -> slot.startAt));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).startAt.isBefore(ordered.get(i - 1).endAt)) {
                invalid.add(new Problem.Violation("[" + indexOf.get(ordered.get(i).id) + "]",
                        "overlaps the slot starting " + ordered.get(i - 1).startAt));
            }
        }
        if (!invalid.isEmpty()) {
            throw refused(ProblemType.VALIDATION.problem(invalid.size() + " of the window's slots are invalid"),
                    invalid);
        }
        if (!unplaceable.isEmpty()) {
            throw refused(ProblemType.PLACEMENT_RULE.problem(
                    unplaceable.size() + " of the window's slots break placement rules"), unplaceable);
        }
        return ordered;
    }

    /** Fills every gap of {@code [from, to)} from the channel's filler rotation. */
    public Uni<Filled> fill(Channel channel, Instant from, Instant to, String authorization) {
        if (channel.fillerContentIds.isEmpty()) {
            return Uni.createFrom().failure(noFiller("The channel has no filler content; set its fillerContentIds"));
        }
        return standings(channel.fillerContentIds, channel, authorization).flatMap(standings -> {
            List<ContentRecord> fillers = new ArrayList<>();
            List<String> unfit = new ArrayList<>();
            for (UUID id : channel.fillerContentIds) {
                ContentStanding standing = standings.get(id);
                // the rights window is checked at each place the filler lands
                List<String> reasons = SlotPlacement.breaches(standing, Instant.MIN, Instant.MIN, channel.territories).stream()
                        .map(SlotPlacement.Breach::rule).filter(rule -> !SlotPlacement.RIGHTS_WINDOW.equals(rule)).toList();
                if (standing.isLive()) {
                    unfit.add(id + ": a live event cannot fill");
                } else if (!reasons.isEmpty()) {
                    unfit.add(id + ": " + reasons);
                } else {
                    fillers.add(standing.item());
                }
            }
            if (fillers.isEmpty()) {
                return Uni.createFrom().failure(noFiller("None of the channel's filler content may air: " + unfit));
            }
            return table.editing(channel.id, connection -> table.overlapping(connection, channel.id, from, to)
                    .flatMap(existing -> {
                        List<Slot> made = new FillerRotation(channel.id, fillers)
                                .fill(Coverage.of(from, to, existing).gaps(), MAX_SLOTS);
                        if (made.size() > MAX_SLOTS) {
                            return Uni.createFrom().failure(noFiller("Filling the window would take more than "
                                    + MAX_SLOTS + " slots at once; fill a shorter window"));
                        }
                        List<Slot> all = new ArrayList<>(existing);
                        all.addAll(made);
                        all.sort(Comparator.comparing(slot -> slot.startAt));
                        return table.insert(connection, made).replaceWith(new Filled(made, Coverage.of(from, to, all)));
                    }))
                    .onFailure(PostgresErrors::isExclusionViolation).transform(SlotService::concurrentEdit);
        });
    }

    /** Puts a live event on air over {@code [start, end)}, clearing the time under {@code policy}. */
    public Uni<LiveEdit> goLive(Channel channel, UUID contentId, Instant start, Instant end, LivePolicy policy,
            String authorization) {
        if (!end.isAfter(start)) {
            return Uni.createFrom().failure(ProblemException.invalidField("end", "must be after start"));
        }
        return checked(channel, contentId, start, item -> end, authorization).flatMap(placement -> {
            if (!isLive(placement.item())) {
                return Uni.createFrom().failure(notLive(contentId, placement.item()));
            }
            Slot live = Slot.of(channel.id, placement.item(), SlotKind.LIVE, start, end, false);
            return pushable(channel, start, policy, authorization).flatMap(standings -> table.editing(channel.id,
                    connection -> affected(connection, channel.id, start, end, policy).flatMap(slots -> {
                        List<ScheduleChange> changes = LiveInsertion.clear(slots, start, end, policy);
                        stillLicensed(policy, changes, standings);
                        return table.apply(connection, changes)
                                .flatMap(ignored -> table.insert(connection, List.of(live)))
                                .replaceWith(new LiveEdit(live, changes));
                    })))
                    .onFailure(PostgresErrors::isExclusionViolation).transform(SlotService::concurrentEdit);
        });
    }

    /** A live event running long: its slot ends at {@code end} instead, the time it takes cleared under {@code policy}. */
    public Uni<LiveEdit> extendLive(Channel channel, UUID slotId, Instant end, LivePolicy policy, String authorization) {
        return table.find(table.pool(), channel.id, slotId)
                .flatMap(read -> checked(channel, read.contentId, read.startAt, item -> end, authorization)
                        .flatMap(placement -> pushable(channel, read.endAt, policy, authorization)))
                .flatMap(standings -> table.editing(channel.id, connection -> table.find(connection, channel.id, slotId)
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
                            return affected(connection, channel.id, from, end, policy).flatMap(found -> {
                                List<Slot> others = found.stream().filter(slot -> !slot.id.equals(slotId)).toList();
                                List<ScheduleChange> changes = LiveInsertion.clear(others, from, end, policy);
                                stillLicensed(policy, changes, standings);
                                live.endAt = end;
                                return table.apply(connection, changes)
                                        .flatMap(ignored -> table.update(connection, List.of(live)))
                                        .replaceWith(new LiveEdit(live, changes));
                            });
                        })))
                .onFailure(PostgresErrors::isExclusionViolation).transform(SlotService::concurrentEdit);
    }

    /**
     * For a push, what content-service says of every item the push may move, asked before the
     * channel's lock is taken, so that a slow content-service never holds up other edits.
     */
    private Uni<Map<UUID, ContentStanding>> pushable(Channel channel, Instant from, LivePolicy policy, String authorization) {
        if (policy != LivePolicy.PUSH) {
            return Uni.createFrom().item(Map.of());
        }
        return table.endingAfter(table.pool(), channel.id, from, MAX_SLOTS + 1)
                .flatMap(slots -> standings(slots.stream().map(slot -> slot.contentId).toList(), channel, authorization));
    }

    /**
     * A push must not carry a slot past its content's rights: moved slots (and a resumed rest) are
     * checked against their rights windows where they land, and any that would air unlicensed
     * refuses the whole edit with a 422 naming them. TRIM and DROP move nothing later.
     */
    private static void stillLicensed(LivePolicy policy, List<ScheduleChange> changes, Map<UUID, ContentStanding> standings) {
        if (policy != LivePolicy.PUSH) {
            return;
        }
        List<Problem.Violation> unlicensed = new ArrayList<>();
        for (ScheduleChange change : changes) {
            if (change.change() != ScheduleChange.Change.MOVED && change.change() != ScheduleChange.Change.ADDED) {
                continue;
            }
            Slot slot = change.slot();
            ContentStanding standing = standings.get(slot.contentId);
            if (standing == null) {
                // placed after the items were asked about
                throw ProblemException.conflict("The schedule changed while it was being checked; retry");
            }
            if (standing.item() != null && !SlotPlacement.licensed(standing.item(), slot.startAt, slot.endAt)) {
                unlicensed.add(new Problem.Violation("slot " + slot.id, SlotPlacement.RIGHTS_WINDOW + ": [" + slot.startAt
                        + ", " + slot.endAt + ") would lie outside the rights window ending " + standing.item().availableUntil()));
            }
        }
        if (!unlicensed.isEmpty()) {
            throw refused(ProblemType.PLACEMENT_RULE.problem("The push would carry "
                    + unlicensed.size() + " slots past their content's rights; use TRIM or DROP, or move them first"),
                    unlicensed);
        }
    }

    /**
     * What a live event over {@code [start, end)} may touch: for a push everything after it begins,
     * up to {@link #MAX_SLOTS} slots (a push that would have to consider more is refused).
     */
    private Uni<List<Slot>> affected(SqlClient connection, UUID channelId, Instant start,
            Instant end, LivePolicy policy) {
        return policy == LivePolicy.PUSH ? table.endingAfter(connection, channelId, start, MAX_SLOTS + 1).map(later -> {
            if (later.size() > MAX_SLOTS) {
                throw ProblemType.PUSH_TOO_LONG.exception("The push would move "
                        + "more than " + MAX_SLOTS + " later slots; leave a gap after the event, or use TRIM or DROP");
            }
            return later;
        }) : table.overlapping(connection, channelId, start, end);
    }

    /** Every finding of {@code [from, to)}: gaps, and slots whose content may no longer air then. */
    public Uni<List<Finding>> validate(Channel channel, Instant from, Instant to, String authorization) {
        return table.overlapping(channel.id, from, to).flatMap(slots -> standings(
                slots.stream().map(slot -> slot.contentId).toList(), channel, authorization)
                .map(standings -> Finding.of(from, to, slots, standings, channel.territories)));
    }

    /** Content that passed the placement rules, and where its slot ends. */
    private record Placement(ContentRecord item, Instant end) {
    }

    /** Asks content-service about the item and checks every placement rule for {@code [start, end)}. */
    private Uni<Placement> checked(Channel channel, UUID contentId, Instant start, Function<ContentRecord, Instant> endOf,
            String authorization) {
        return standing(contentId, channel, authorization).map(standing -> {
            if (standing.item() == null) {
                throw unplaceable(SlotPlacement.breaches(standing, start, start, channel.territories));
            }
            Instant end = endOf.apply(standing.item());
            List<SlotPlacement.Breach> breaches = SlotPlacement.breaches(standing, start, end, channel.territories);
            if (!breaches.isEmpty()) {
                throw unplaceable(breaches);
            }
            return new Placement(standing.item(), end);
        });
    }

    private Uni<Map<UUID, ContentStanding>> standings(Collection<UUID> contentIds, Channel channel, String authorization) {
        return Multi.createFrom().iterable(new LinkedHashSet<>(contentIds))
                .onItem().transformToUni(id -> standing(id, channel, authorization)).merge(CONCURRENT_LOOKUPS)
                .collect().asMap(ContentStanding::contentId);
    }

    private Uni<ContentStanding> standing(UUID contentId, Channel channel, String authorization) {
        return content.find(contentId, authorization)
                .flatMap(item -> item == null ? Uni.createFrom().item(new ContentStanding(contentId, null, false))
                        : content.reasonsAgainst(contentId, Instant.now(), channel.territories.get(0), authorization)
                                .map(reasons -> new ContentStanding(contentId, item,
                                        !reasons.contains(SlotPlacement.PARTNER_INACTIVE))))
                .onFailure().transform(SlotService::contentServiceDown);
    }

    /** The 409 for a time another slot already holds, naming that slot. */
    private Uni<Slot> inTheWay(UUID channelId, Instant start, Instant end, UUID movingSlotId) {
        return table.overlapping(channelId, start, end).flatMap(blocking -> Uni.createFrom().failure(
                ProblemException.conflict("The time is taken by " + describe(blocking.stream()
                        .filter(slot -> !slot.id.equals(movingSlotId)).toList()))));
    }

    private static String describe(List<Slot> slots) {
        return slots.stream().map(slot -> "slot " + slot.id + " [" + slot.startAt + ", " + slot.endAt + ")")
                .collect(Collectors.joining(", "));
    }

    private static SlotKind kindOf(ContentRecord item) {
        return isLive(item) ? SlotKind.LIVE : SlotKind.PROGRAMME;
    }

    static boolean isLive(ContentRecord item) {
        return "LIVE_EVENT".equals(item.kind());
    }

    private static Instant endOf(ContentRecord item, Instant start, Instant requestedEnd) {
        if (isLive(item)) {
            if (requestedEnd == null || !requestedEnd.isAfter(start)) {
                throw ProblemException.invalidField("end", "is required for a live event and must be after start");
            }
            return requestedEnd;
        }
        if (requestedEnd != null) {
            throw ProblemException.invalidField("end", "follows from the content's duration; leave it out");
        }
        return start.plus(Duration.ofSeconds(item.durationSeconds()));
    }

    private static Problem.Violation violation(int index, List<SlotPlacement.Breach> breaches) {
        return new Problem.Violation("[" + index + "]", breaches.stream().map(b -> b.rule() + ": " + b.detail())
                .collect(Collectors.joining("; ")));
    }

    private static ProblemException refused(Problem problem, List<Problem.Violation> violations) {
        return new ProblemException(problem.withViolations(violations.subList(0, Math.min(LISTED_VIOLATIONS, violations.size()))));
    }

    private static ProblemException unplaceable(List<SlotPlacement.Breach> breaches) {
        return new ProblemException(ProblemType.PLACEMENT_RULE.problem(
                "The slot breaks " + breaches.stream().map(SlotPlacement.Breach::rule).collect(Collectors.joining(", ")))
                .withViolations(breaches.stream().map(b -> new Problem.Violation(b.rule(), b.detail())).toList()));
    }

    private static ProblemException notLive(UUID contentId, ContentRecord item) {
        return ProblemType.NOT_A_LIVE_EVENT.exception(
                "Content " + contentId + " is a " + item.kind() + "; only a LIVE_EVENT goes live");
    }

    private static ProblemException noFiller(String detail) {
        return ProblemType.NO_FILLER.exception(detail);
    }

    private static ProblemException concurrentEdit(Throwable failure) {
        return ProblemException.conflict("A concurrent placement took part of the time; read the schedule again and retry");
    }

    private static ProblemException contentServiceDown(Throwable failure) {
        return failure instanceof ProblemException problem ? problem
                : ProblemType.CONTENT_SERVICE_UNAVAILABLE.exception(
                        "content-service cannot confirm the content right now; retry shortly");
    }
}

package io.syndication.schedule.healing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.channel.HealingPolicy;
import io.syndication.schedule.content.CatalogueView;
import io.syndication.schedule.content.ContentItem;
import io.syndication.schedule.content.ContentStanding;
import io.syndication.schedule.content.PartnerStatus;
import io.syndication.schedule.slot.FillerRotation;
import io.syndication.schedule.slot.Finding;
import io.syndication.schedule.slot.ScheduleChange;
import io.syndication.schedule.slot.ScheduleEvents;
import io.syndication.schedule.slot.Slot;
import io.syndication.schedule.slot.SlotKind;
import io.syndication.schedule.slot.SlotPlacement;
import io.syndication.schedule.slot.SlotTable;
import io.syndication.schedule.slot.rest.SlotView;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Schedules that heal: each content or partner event is applied to the local view and, if it leaves
 * an item unable to air where it is scheduled, every affected slot that has not ended, on every
 * channel, is healed by its channel's policy ({@link HealPlan}), all in one transaction. That
 * transaction holds the affected channels' locks, like every other schedule edit, on the one
 * connection that writes, so a heal never races an operator's edit; and the event counts as applied
 * only if its heals committed with it, so a redelivery after a crash finds nothing half done.
 */
@ApplicationScoped
public class Healing {

    private static final Logger LOG = Logger.getLogger(Healing.class);

    private final Pool pool;
    private final SlotTable slots;
    private final CatalogueView view;
    private final HealTable heals;
    private final MeterRegistry metrics;
    private final ScheduleEvents events;

    Healing(Pool pool, SlotTable slots, CatalogueView view, HealTable heals, MeterRegistry metrics, ScheduleEvents events) {
        this.pool = pool;
        this.slots = slots;
        this.view = view;
        this.heals = heals;
        this.metrics = metrics;
        this.events = events;
    }

    /** What one channel's heals were, and the changes to its schedule that made them (none for flags). */
    public record ChannelHeal(Channel channel, List<Heal> heals, List<ScheduleChange> changes) {
    }

    /**
     * What applying an event did: nothing if it was a duplicate or came late ({@code applied} false),
     * else the heals it caused, by channel (empty when the item may still air everywhere it is scheduled).
     */
    public record Outcome(boolean applied, List<ChannelHeal> channels) {

        static final Outcome STALE = new Outcome(false, List.of());
        static final Outcome NOTHING_TO_HEAL = new Outcome(true, List.of());

        public List<Heal> heals() {
            return channels.stream().flatMap(channel -> channel.heals().stream()).toList();
        }
    }

    /** A content item's state after its event number {@code sequence} about it, and the event. */
    public interface ContentChange {
        Cause cause();

        long sequence();

        ContentItem item();
    }

    /** A partner's status after its event number {@code sequence} about it, and the event. */
    public interface PartnerChange {
        Cause cause();

        long sequence();

        UUID partnerId();

        PartnerStatus status();
    }

    /**
     * Applies content events in their order, in one transaction: each takes its item's state as of its
     * sequence, unless a later or the same one was applied already (all in one batch of statements), and
     * heals the item's slots that may no longer air (not approved, rights or territories no longer
     * covering them, its partner known not to be ACTIVE). Only items with slots that have not ended (one
     * query for all) are looked at further, each event as it would be alone. One outcome per event.
     */
    public Uni<List<Outcome>> contentChanged(List<? extends ContentChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(connection -> view.apply(connection, changes.stream().map(change ->
                new CatalogueView.ItemState(change.item(), change.sequence(), change.cause().eventId())).toList()).flatMap(applied -> {
            Set<UUID> appliedItems = new LinkedHashSet<>();
            for (int index = 0; index < changes.size(); index++) {
                if (applied.get(index)) {
                    appliedItems.add(changes.get(index).item().id());
                }
            }
            return slots.withSlotsNotEnded(connection, SlotTable.Owner.CONTENT, appliedItems, now)
                    .flatMap(scheduled -> Multi.createFrom().range(0, changes.size())
                            .onItem().transformToUniAndConcatenate(index -> !applied.get(index) ? Uni.createFrom().item(Outcome.STALE)
                                    : !scheduled.contains(changes.get(index).item().id()) ? Uni.createFrom().item(Outcome.NOTHING_TO_HEAL)
                                    : healContent(connection, changes.get(index)))
                            .collect().asList());
        })).invoke(outcomes -> outcomes.forEach(this::count));
    }

    private Uni<Outcome> healContent(SqlConnection connection, ContentChange change) {
        ContentItem item = change.item();
        return view.partnerStatus(connection, item.partnerId()).flatMap(partner -> {
            // a partner the view does not know yet is not known to be inactive: only facts heal
            ContentStanding standing = new ContentStanding(item.id(), item, partner == null || partner == PartnerStatus.ACTIVE);
            return heal(connection, SlotTable.Owner.CONTENT, item.id(), change.sequence(),
                    (slot, channel) -> affected(slot, SlotPlacement.breaches(standing, slot.startAt, slot.endAt, channel.territories)),
                    change.cause());
        });
    }

    /**
     * Applies partner events in their order, in one transaction: each takes its partner's status as of
     * its sequence, unless a later or the same one was applied already; a partner no longer ACTIVE has
     * every slot of its content healed. One outcome per event.
     */
    public Uni<List<Outcome>> partnerChanged(List<? extends PartnerChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return pool.withTransaction(connection -> Multi.createFrom().iterable(changes)
                .onItem().transformToUniAndConcatenate(change -> view.applyPartner(connection, change.partnerId(), change.status(),
                                change.sequence(), change.cause().eventId())
                        .flatMap(applied -> !applied ? Uni.createFrom().item(Outcome.STALE)
                                : change.status() == PartnerStatus.ACTIVE ? Uni.createFrom().item(Outcome.NOTHING_TO_HEAL)
                                : heal(connection, SlotTable.Owner.PARTNER, change.partnerId(), change.sequence(),
                                        (slot, channel) -> new HealPlan.Affected(slot, Finding.Reason.PARTNER_INACTIVE,
                                                "the content's partner is " + change.status()),
                                        change.cause())))
                .collect().asList())
                .invoke(outcomes -> outcomes.forEach(this::count));
    }

    /** Up to {@code limit} of the channel's heals recorded before {@code beforePosition} (null: the newest), newest first; a 404 for no such channel. */
    public Uni<List<HealTable.Recorded>> heals(UUID channelId, Long beforePosition, int limit) {
        return slots.channel(channelId).flatMap(channel -> heals.newestFirst(channel.id, beforePosition, limit));
    }

    private static HealPlan.Affected affected(Slot slot, List<SlotPlacement.Breach> breaches) {
        if (breaches.isEmpty()) {
            return null;
        }
        SlotPlacement.Breach first = breaches.get(0);
        return new HealPlan.Affected(slot, Finding.Reason.of(first.rule()), String.join("; ",
                breaches.stream().map(SlotPlacement.Breach::detail).toList()));
    }

    /**
     * Heals the slots of {@code owner} {@code id} placed on knowledge older than its event number
     * {@code eventSequence} that {@code judge} finds affected (null: not). The slots are found on every channel in one statement; the channels with any affected are locked in
     * id order, their slots read again under the locks (an edit may have moved or removed one in
     * between) and judged again against the channels as locked.
     */
    private Uni<Outcome> heal(SqlConnection connection, SlotTable.Owner owner, UUID id, long eventSequence,
            BiFunction<Slot, Channel, HealPlan.Affected> judge, Cause cause) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return slots.notEnded(connection, owner, id, now, eventSequence, null).flatMap(candidates -> {
            if (candidates.isEmpty()) {
                return Uni.createFrom().item(Outcome.NOTHING_TO_HEAL);
            }
            Set<UUID> channelIds = new TreeSet<>();
            candidates.forEach(slot -> channelIds.add(slot.channelId));
            return slots.channels(connection, channelIds)
                    .map(channels -> withAffected(channels, candidates, judge).stream().map(one -> one.channel().id).toList())
                    .flatMap(toHeal -> toHeal.isEmpty() ? Uni.createFrom().item(Outcome.NOTHING_TO_HEAL)
                            : slots.lockChannels(connection, toHeal).flatMap(locked -> slots.notEnded(connection, owner, id, now, eventSequence, toHeal)
                                    .flatMap(current -> healLocked(connection, withAffected(locked, current, judge), now, cause))));
        });
    }

    /** A channel and its affected slots, in start order. */
    private record ChannelAffected(Channel channel, List<HealPlan.Affected> affected) {
    }

    /** Each channel's affected slots, for the channels with any; {@code slots} by channel and start. */
    private static List<ChannelAffected> withAffected(List<Channel> channels, List<Slot> slots,
            BiFunction<Slot, Channel, HealPlan.Affected> judge) {
        Map<UUID, Channel> byId = new LinkedHashMap<>();
        channels.forEach(channel -> byId.put(channel.id, channel));
        Map<UUID, ChannelAffected> affected = new LinkedHashMap<>();
        for (Slot slot : slots) {
            Channel channel = byId.get(slot.channelId);
            HealPlan.Affected one = channel == null ? null : judge.apply(slot, channel);
            if (one != null) {
                affected.computeIfAbsent(channel.id, ignored -> new ChannelAffected(channel, new ArrayList<>())).affected().add(one);
            }
        }
        return List.copyOf(affected.values());
    }

    private Uni<Outcome> healLocked(SqlConnection connection, List<ChannelAffected> affected, Instant now, Cause cause) {
        Set<UUID> fillerIds = new LinkedHashSet<>();
        affected.stream().map(ChannelAffected::channel).filter(channel -> channel.healing == HealingPolicy.FILL)
                .forEach(channel -> fillerIds.addAll(channel.fillerContentIds));
        return view.known(connection, fillerIds).flatMap(known -> Multi.createFrom().iterable(affected)
                // one statement after another: the connection is the transaction's
                .onItem().transformToUniAndConcatenate(one -> {
                    Channel channel = one.channel();
                    HealPlan.Planned planned = HealPlan.of(channel, one.affected(), fillers(channel, known), now, cause);
                    return slots.apply(connection, planned.changes())
                            .flatMap(ignored -> heals.record(connection, planned.heals()))
                            .map(recorded -> new ChannelHeal(channel, recorded, planned.changes()));
                })
                .collect().asList()
                .map(channels -> new Outcome(true, channels.stream().filter(channel -> !channel.heals().isEmpty()).toList())))
                .call(outcome -> announce(connection, outcome, affected));
    }

    /**
     * schedule.healed for each heal, to the partner whose slot it was, then what the heals changed in the
     * schedules (ScheduleEvents), in the heal's transaction.
     */
    private Uni<Void> announce(SqlConnection connection, Outcome outcome, List<ChannelAffected> affected) {
        Map<UUID, UUID> partners = new HashMap<>();
        affected.forEach(channel -> channel.affected().forEach(one -> partners.put(one.slot().id, one.slot().partnerId)));
        List<Heal> heals = outcome.channels().stream().flatMap(channel -> channel.heals().stream()).toList();
        return Multi.createFrom().iterable(heals)
                .onItem().transformToUniAndConcatenate(heal -> events.announce(connection, "schedule.healed", heal.channelId(),
                        partners.get(heal.slotId()), Healed.of(heal)))
                .collect().last()
                .flatMap(announced -> events.announceJournal(connection));
    }

    /** The data of schedule.healed. */
    public record Healed(UUID channelId, UUID slotId, UUID previousContentId, List<SlotView> replacements, String action,
            String reason, String detail, String cause) {

        static Healed of(Heal heal) {
            return new Healed(heal.channelId(), heal.slotId(), heal.contentId(), heal.replacements().stream()
                    .map(replacement -> new SlotView(replacement.slotId(), heal.channelId(), replacement.contentId(),
                            replacement.partnerId(), replacement.start(), replacement.end(), SlotKind.FILLER, replacement.title(), replacement.cut()))
                    .toList(), heal.action().name(), heal.reason().name(), heal.detail(), heal.eventId());
        }
    }

    /**
     * The channel's fillers that may fill, in rotation order, as the view knows them: a filler the view
     * does not hold is passed over (healing asks no one: it runs on an event, with no operator's token).
     */
    private static List<ContentItem> fillers(Channel channel, Map<UUID, CatalogueView.Known> known) {
        List<ContentItem> fillers = new ArrayList<>();
        for (UUID id : channel.fillerContentIds) {
            CatalogueView.Known filler = known.get(id);
            if (filler != null && FillerRotation.unfit(new ContentStanding(id, filler.item(), !filler.partnerKnownInactive()),
                    channel.territories).isEmpty()) {
                fillers.add(filler.item());
            }
        }
        return fillers;
    }

    private void count(Outcome outcome) {
        for (ChannelHeal channel : outcome.channels()) {
            Heal first = channel.heals().get(0);
            LOG.infof("Healed %d slots of channel %s (%s) on %s %s: %s", channel.heals().size(), channel.channel().slug,
                    channel.channel().healing, first.eventType(), first.eventId(), first.reason());
            for (Heal heal : channel.heals()) {
                LOG.debugf("Slot %s (%s, %s-%s) %s: %s", heal.slotId(), heal.contentId(), heal.slotStart(), heal.slotEnd(),
                        heal.action(), heal.detail());
                metrics.counter("schedule.heals", "action", heal.action().name(), "reason", heal.reason().name()).increment();
            }
        }
    }
}

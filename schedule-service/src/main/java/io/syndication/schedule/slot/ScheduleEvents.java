package io.syndication.schedule.slot;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.smallrye.mutiny.Uni;
import io.syndication.events.Outbox;
import io.syndication.events.Outbox.Announcement;
import io.syndication.schedule.guide.GuideDocument.Programme;
import io.syndication.schedule.slot.rest.LiveView;
import io.syndication.schedule.slot.rest.SlotView;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What happened to the schedules in a transaction, announced on the topic schedule before it commits:
 * slot.placed, slot.removed and slot.moved to the partners whose content the slots air, and
 * guide.changed per channel and local day (programmes added, removed, retimed) to the platform. They
 * are read from the slot journal the database keeps of the transaction's writes (V5__slot_journal.sql),
 * so every edit, live event and heal is announced, however it wrote the slots. Every event's subject
 * is the channel: a channel's events are numbered, and published, in the order its edits committed.
 * A change of more than {@value #MOST_PER_EVENT} slots or programmes comes in several events.
 */
@ApplicationScoped
public class ScheduleEvents {

    static final int MOST_PER_EVENT = 500;

    private static final String JOURNALED = "DELETE FROM slot_journal WHERE txid = txid_current() RETURNING "
            + SlotTable.COLUMNS + ", change, previous_start, previous_end";

    private final Outbox outbox;

    ScheduleEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The data of slot.placed and slot.removed. */
    public record SlotsChange(UUID channelId, List<SlotView> slots) {
    }

    /** Where a moved or retimed slot was. */
    public record Previously(Instant start, Instant end) {
    }

    /** The data of slot.moved. */
    public record SlotMove(UUID channelId, SlotView slot, Previously previous) {
    }

    /** The data of live.inserted and live.extended: the live event's slot and what it changed. */
    public record LiveChange(UUID channelId, SlotView live, List<LiveView.Change> changes) {
    }

    /** A programme of guide.changed's retimed list, with where it was. */
    public record Retimed(@JsonUnwrapped Programme programme, OffsetDateTime previousStart, OffsetDateTime previousEnd) {
    }

    /** The data of guide.changed: one channel's local day, what changed in its guide. */
    public record GuideChange(UUID channelId, String channelSlug, String timeZone, LocalDate date, List<Programme> added,
            List<Programme> removed, List<Retimed> retimed) {
    }

    /**
     * Announces the slot changes the transaction on {@code connection} has made so far. The journal is
     * read as a prepared statement for its binary rows: as a simple query its rows come as text, and
     * parsing their four timestamps each was an eighth of the CPU of placing a day of 30-s slots.
     */
    public Uni<Void> announceJournal(SqlConnection connection) {
        return connection.preparedQuery(JOURNALED).execute().flatMap(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().voidItem();
            }
            List<Journaled> journal = new ArrayList<>(rows.size());
            for (Row row : rows) {
                journal.add(Journaled.of(row));
            }
            return channels(connection, journal).flatMap(channels -> outbox.announce(connection, events(journal, channels)));
        });
    }

    /** live.inserted or live.extended, to the partner of the live event's content. */
    public Uni<Void> announceLive(SqlConnection connection, String type, LiveService.LiveEdit edit) {
        LiveView view = LiveView.of(edit);
        return outbox.announce(connection, type, edit.live().channelId, edit.live().partnerId,
                new LiveChange(edit.live().channelId, view.live(), view.changes()));
    }

    /** Announces an event of {@code type} about {@code channelId}, concerning {@code partnerId} (null: the platform only). */
    public Uni<Void> announce(SqlConnection connection, String type, UUID channelId, UUID partnerId, Object data) {
        return outbox.announce(connection, type, channelId, partnerId, data);
    }

    /** A channel's slug and zone, for its guide's days. */
    private record ChannelZone(String slug, ZoneId zone) {
    }

    private static Uni<Map<UUID, ChannelZone>> channels(SqlConnection connection, List<Journaled> journal) {
        UUID[] ids = journal.stream().map(entry -> entry.slot().channelId).distinct().toArray(UUID[]::new);
        return connection.preparedQuery("SELECT id, slug, time_zone FROM channel WHERE id = ANY($1)").execute(Tuple.of(ids))
                .map(rows -> {
                    Map<UUID, ChannelZone> channels = new LinkedHashMap<>();
                    rows.forEach(row -> channels.put(row.getUUID("id"),
                            new ChannelZone(row.getString("slug"), ZoneId.of(row.getString("time_zone")))));
                    return channels;
                });
    }

    private static List<Announcement> events(List<Journaled> journal, Map<UUID, ChannelZone> channels) {
        List<Announcement> events = new ArrayList<>();
        Map<UUID, Map<UUID, List<SlotView>>> placed = new LinkedHashMap<>();
        Map<UUID, Map<UUID, List<SlotView>>> removed = new LinkedHashMap<>();
        Map<UUID, Map<LocalDate, GuideDay>> days = new LinkedHashMap<>();
        for (Journaled entry : journal) {
            Slot slot = entry.slot();
            ZoneId zone = channels.get(slot.channelId).zone();
            GuideDay day = days.computeIfAbsent(slot.channelId, channel -> new TreeMap<>())
                    .computeIfAbsent(LocalDate.ofInstant(slot.startAt, zone), date -> new GuideDay());
            Programme programme = programme(slot, zone);
            switch (entry.change()) {
                case "PLACED" -> {
                    byPartner(placed, slot).add(SlotView.of(slot));
                    day.added.add(programme);
                }
                case "REMOVED" -> {
                    byPartner(removed, slot).add(SlotView.of(slot));
                    day.removed.add(programme);
                }
                default -> {
                    events.add(new Announcement("slot.moved", slot.channelId, slot.partnerId,
                            new SlotMove(slot.channelId, SlotView.of(slot), entry.previously())));
                    OffsetDateTime previousStart = entry.previously().start().atZone(zone).toOffsetDateTime();
                    OffsetDateTime previousEnd = entry.previously().end().atZone(zone).toOffsetDateTime();
                    LocalDate previousDate = previousStart.toLocalDate();
                    if (previousDate.equals(programme.start().toLocalDate())) {
                        day.retimed.add(new Retimed(programme, previousStart, previousEnd));
                    } else {
                        // moved to another local day: it leaves the one guide and joins the other
                        day.added.add(programme);
                        days.get(slot.channelId).computeIfAbsent(previousDate, date -> new GuideDay()).removed
                                .add(programme(slot, previousStart, previousEnd));
                    }
                }
            }
        }
        slotEvents(events, "slot.placed", placed);
        slotEvents(events, "slot.removed", removed);
        days.forEach((channelId, byDay) -> byDay.forEach((date, day) -> {
            ChannelZone channel = channels.get(channelId);
            for (GuideDay part : day.parts()) {
                events.add(new Announcement("guide.changed", channelId, null, new GuideChange(channelId, channel.slug(),
                        channel.zone().getId(), date, part.added, part.removed, part.retimed)));
            }
        }));
        return events;
    }

    private static List<SlotView> byPartner(Map<UUID, Map<UUID, List<SlotView>>> changes, Slot slot) {
        return changes.computeIfAbsent(slot.channelId, channel -> new LinkedHashMap<>())
                .computeIfAbsent(slot.partnerId, partner -> new ArrayList<>());
    }

    private static void slotEvents(List<Announcement> events, String type, Map<UUID, Map<UUID, List<SlotView>>> changes) {
        changes.forEach((channelId, byPartner) -> byPartner.forEach((partnerId, slots) -> {
            for (int from = 0; from < slots.size(); from += MOST_PER_EVENT) {
                events.add(new Announcement(type, channelId, partnerId,
                        new SlotsChange(channelId, slots.subList(from, Math.min(from + MOST_PER_EVENT, slots.size())))));
            }
        }));
    }

    private static Programme programme(Slot slot, ZoneId zone) {
        return programme(slot, slot.startAt.atZone(zone).toOffsetDateTime(), slot.endAt.atZone(zone).toOffsetDateTime());
    }

    /** The slot's programme as the guide listed it over {@code [start, end)}, in the channel's zone. */
    private static Programme programme(Slot slot, OffsetDateTime start, OffsetDateTime end) {
        return new Programme(slot.id, slot.contentId, slot.title, slot.kind, start, end, slot.cut, slot.ageRating);
    }

    /** What changed in one local day's guide; split into parts of at most {@value #MOST_PER_EVENT} programmes. */
    private static final class GuideDay {

        final List<Programme> added = new ArrayList<>();
        final List<Programme> removed = new ArrayList<>();
        final List<Retimed> retimed = new ArrayList<>();

        List<GuideDay> parts() {
            List<GuideDay> parts = new ArrayList<>();
            GuideDay part = new GuideDay();
            parts.add(part);
            for (Programme programme : added) {
                part = roomIn(parts, part);
                part.added.add(programme);
            }
            for (Programme programme : removed) {
                part = roomIn(parts, part);
                part.removed.add(programme);
            }
            for (Retimed programme : retimed) {
                part = roomIn(parts, part);
                part.retimed.add(programme);
            }
            return parts;
        }

        private static GuideDay roomIn(List<GuideDay> parts, GuideDay part) {
            if (part.added.size() + part.removed.size() + part.retimed.size() < MOST_PER_EVENT) {
                return part;
            }
            GuideDay next = new GuideDay();
            parts.add(next);
            return next;
        }
    }

    /** One journaled write: the slot as it now is (or was, when removed), and where a moved one was. */
    private record Journaled(String change, Slot slot, Previously previously) {

        static Journaled of(Row row) {
            OffsetDateTime start = row.getOffsetDateTime("previous_start");
            return new Journaled(row.getString("change"), SlotTable.slotOf(row.getDelegate()),
                    start == null ? null : new Previously(start.toInstant(), row.getOffsetDateTime("previous_end").toInstant()));
        }
    }
}

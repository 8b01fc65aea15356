package io.syndication.schedule.slot;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collector;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.syndication.http.PostgresErrors;
import io.syndication.http.ProblemException;
import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.channel.ChannelStatus;
import io.syndication.schedule.channel.HealingPolicy;
import io.syndication.schedule.content.ContentItem;
import io.syndication.schedule.content.PartnerStatus;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A channel's schedule in the database: the only way slots are read and written, straight over the
 * reactive PostgreSQL client. A month of 30-second clips is 86,400 rows, which one {@code unnest}
 * insert or one pipelined batch of updates handles where an entity per row would not. Every edit
 * of a channel's schedule runs in one transaction on one connection that first takes the channel's
 * row lock, so edits of one channel take turns and none ever waits for a second connection while
 * it holds the lock (which, with every connection held by a waiter, stalled the pool). The
 * exclusion constraint has the last word on overlaps.
 */
@ApplicationScoped
public class SlotTable {

    /** A slot's columns, in the order {@link #slotOf} reads them. */
    static final String COLUMNS = "id, channel_id, content_id, kind, title, partner_id, age_rating, start_at, end_at, cut, version";

    /**
     * A channel's slots overlapping [$2, $3) in start order, both halves walking the (channel_id,
     * start_at) index: slots never overlap, so only the last one starting before $2 can still be on
     * air at $2.
     */
    private static final String WINDOW = "SELECT " + COLUMNS + " FROM ("
            + "(SELECT " + COLUMNS + " FROM slot WHERE channel_id = $1 AND start_at < $2 ORDER BY start_at DESC LIMIT 1)"
            + " UNION ALL (SELECT " + COLUMNS + " FROM slot WHERE channel_id = $1 AND start_at >= $2 AND start_at < $3)"
            + ") slot WHERE end_at > $2 ORDER BY start_at";

    /** The next page of a streamed window: slots starting after the last one read. */
    private static final String NEXT_PAGE = "SELECT " + COLUMNS + " FROM slot WHERE channel_id = $1 AND start_at > $2"
            + " AND start_at < $3 ORDER BY start_at LIMIT $4";

    /** How long an edit waits for the channel while other edits of it run. */
    static final String LOCK_TIMEOUT = "10s";

    /** How many rows a streamed read fetches at a time. */
    private static final int PAGE = 512;

    private final Pool pool;
    private final ScheduleEvents events;

    public SlotTable(Pool pool, ScheduleEvents events) {
        this.pool = pool;
        this.events = events;
    }

    /** Outside any edit: one statement, one implicit transaction. */
    SqlClient pool() {
        return pool;
    }

    /**
     * Runs {@code edit} in one transaction that first locks the channel against other schedule edits,
     * and announces what it changed ({@link ScheduleEvents}) before it commits.
     * An edit waits for the lock at most {@link #LOCK_TIMEOUT}: past that the channel is busy (409).
     */
    public <T> Uni<T> editing(UUID channelId, Function<SqlConnection, Uni<T>> edit) {
        return editing(channelId, List.of(), edit);
    }

    /**
     * The same, for an edit placing the content {@code placing}, each as its placement knew it: first,
     * before the channel's lock, the view's rows of those items and of their partners are locked against
     * the events' changes (a heal locks them before any channel, so the two never wait for each other in a
     * circle). An item the view has since seen a newer event of is a 409: the placement was judged on a
     * state that has changed, and a heal that ran meanwhile could not have found a slot not yet committed;
     * placed again, it is judged on the new state. A partner the view knows to be suspended or terminated is
     * a 422 (the view hears of a suspension before content-service, which remembers a partner's standing
     * 30 s; a partner the view has not yet seen approved is not refused for it). What
     * changes after the edit commits heals its slots as any others, since each slot remembers what its
     * placement knew of its content and partner.
     */
    public <T> Uni<T> editing(UUID channelId, Collection<ContentItem> placing, Function<SqlConnection, Uni<T>> edit) {
        return pool.withTransaction(connection -> connection.query("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'").execute()
                .flatMap(set -> stillAsKnown(connection, placing, true))
                .flatMap(known -> connection.preparedQuery("SELECT id FROM channel WHERE id = $1 FOR UPDATE")
                        .execute(Tuple.of(channelId)))
                .flatMap(locked -> locked.size() == 1 ? edit.apply(connection)
                        : Uni.createFrom().failure(ProblemException.notFound("Channel " + channelId)))
                // what the edit changed is announced in its own transaction
                .call(edited -> events.announceJournal(connection)))
                .onFailure(PostgresErrors::isLockNotAvailable).transform(e -> ProblemException.conflict(
                        "Other edits of the channel have held it for " + LOCK_TIMEOUT + "; read the schedule again and retry"));
    }

    /**
     * Runs {@code preview}, an edit that only reads, as {@link #editing} would run the edit, on what the view
     * and the channel's schedule hold now: the same refusals (an item changed since it was judged, a partner
     * known to be stopped, no such channel), in one transaction that is READ ONLY, so PostgreSQL refuses any
     * write in it, takes no lock (it waits for no edit, and holds none up), sees one snapshot throughout
     * (REPEATABLE READ) and is rolled back: nothing is written, and nothing is announced.
     */
    public <T> Uni<T> previewing(UUID channelId, Collection<ContentItem> placing, Function<SqlConnection, Uni<T>> preview) {
        return pool.withConnection(connection -> connection.begin().flatMap(transaction -> connection
                .query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY").execute()
                .flatMap(set -> stillAsKnown(connection, placing, false))
                .flatMap(known -> connection.preparedQuery("SELECT id FROM channel WHERE id = $1").execute(Tuple.of(channelId)))
                .flatMap(found -> found.size() == 1 ? preview.apply(connection)
                        : Uni.createFrom().<T>failure(ProblemException.notFound("Channel " + channelId)))
                .eventually(transaction::rollback)));
    }

    /**
     * Checks the view's rows of {@code placing} and of their partners, locking them until the transaction
     * ends ({@code lock}, in id order); a 409 if an item has moved past what was known of it, a 422 if a
     * partner is known to be stopped.
     */
    private static Uni<Void> stillAsKnown(SqlConnection connection, Collection<ContentItem> placing, boolean lock) {
        if (placing.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, Long> known = new HashMap<>();
        placing.forEach(item -> known.merge(item.id(), item.sequence(), Math::min));
        UUID[] partners = placing.stream().map(ContentItem::partnerId).distinct().toArray(UUID[]::new);
        String locked = lock ? " ORDER BY id FOR SHARE" : "";
        return connection.preparedQuery("SELECT id, sequence FROM content_view WHERE id = ANY($1)" + locked)
                .execute(Tuple.of(known.keySet().toArray(UUID[]::new)))
                .flatMap(items -> {
                    for (Row row : items) {
                        if (row.getLong("sequence") > known.get(row.getUUID("id"))) {
                            return Uni.createFrom().failure(ProblemException.conflict("Content " + row.getUUID("id")
                                    + " changed while it was being placed; place it again"));
                        }
                    }
                    return connection.preparedQuery("SELECT id, status FROM partner_view WHERE id = ANY($1)" + locked)
                            .execute(Tuple.of(partners));
                })
                .flatMap(standings -> {
                    for (Row row : standings) {
                        if (PartnerStatus.valueOf(row.getString("status")).stopped()) {
                            return Uni.createFrom().failure(ScheduleProblems.unplaceable(List.of(new SlotPlacement.Breach(
                                    SlotPlacement.Rule.PARTNER_INACTIVE, "the content's partner " + row.getUUID("id") + " is "
                                            + row.getString("status")))));
                        }
                    }
                    return Uni.createFrom().voidItem();
                });
    }

    /** The channels, read in one statement without locking them; a missing one is left out. */
    public Uni<List<Channel>> channels(SqlClient client, Collection<UUID> channelIds) {
        return client.preparedQuery("SELECT " + CHANNEL_COLUMNS + " FROM channel WHERE id = ANY($1)")
                .execute(Tuple.of(channelIds.toArray(UUID[]::new))).map(SlotTable::channels);
    }

    /**
     * Locks the channels against other schedule edits on the caller's transaction, as {@link #editing}
     * does for one, and reads them. They are locked in id order, so two edits locking several channels
     * never wait for each other in a circle; each waits at most {@link #LOCK_TIMEOUT}, as every edit.
     */
    public Uni<List<Channel>> lockChannels(SqlConnection connection, Collection<UUID> channelIds) {
        return connection.query("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'").execute()
                .flatMap(set -> connection.preparedQuery("SELECT " + CHANNEL_COLUMNS + " FROM channel WHERE id = ANY($1)"
                        + " ORDER BY id FOR UPDATE").execute(Tuple.of(channelIds.toArray(UUID[]::new))))
                .map(SlotTable::channels);
    }

    /**
     * Whose slots {@link #notEnded} looks for: a content item's, or a partner's; and where each slot keeps
     * the sequence of the last event about it that the slot's placement knew of.
     */
    public enum Owner {
        CONTENT("content_id", "content_sequence"), PARTNER("partner_id", "partner_sequence");

        private final String column;
        private final String knownSequence;

        Owner(String column, String knownSequence) {
            this.column = column;
            this.knownSequence = knownSequence;
        }
    }

    /**
     * Every slot of the content item or partner {@code id} that has not ended at {@code at} and was placed
     * on knowledge older than its event number {@code eventSequence} (the slots that event may heal), on
     * every channel (of {@code channelIds} only, unless null), by channel and start: one statement on the
     * (content_id, end_at) or (partner_id, end_at) index.
     */
    public Uni<List<Slot>> notEnded(SqlClient client, Owner owner, UUID id, Instant at, long eventSequence,
            Collection<UUID> channelIds) {
        return slots(client, "SELECT " + COLUMNS + " FROM slot WHERE " + owner.column + " = $1 AND end_at > $2"
                + " AND " + owner.knownSequence + " < $3 AND ($4::uuid[] IS NULL OR channel_id = ANY($4)) ORDER BY channel_id, start_at",
                Tuple.of(id, utc(at), eventSequence, channelIds == null ? null : channelIds.toArray(UUID[]::new)));
    }

    /** Which of the content items or partners {@code ids} have a slot that has not ended at {@code at}, on any channel. */
    public Uni<Set<UUID>> withSlotsNotEnded(SqlClient client, Owner owner, Collection<UUID> ids, Instant at) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return client.preparedQuery("SELECT DISTINCT " + owner.column + " AS owner FROM slot WHERE " + owner.column
                        + " = ANY($1) AND end_at > $2")
                .execute(Tuple.of(ids.toArray(UUID[]::new), utc(at)))
                .map(rows -> {
                    Set<UUID> owners = new HashSet<>();
                    rows.forEach(row -> owners.add(row.getUUID("owner")));
                    return owners;
                });
    }

    /** The channel, read outside any edit; a missing one is a 404. */
    public Uni<Channel> channel(UUID channelId) {
        return pool.preparedQuery("SELECT " + CHANNEL_COLUMNS + " FROM channel WHERE id = $1").execute(Tuple.of(channelId))
                .map(rows -> rows.size() == 1 ? channelOf(rows.iterator().next()) : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Channel " + channelId));
    }

    /** Removes the slot; one of another channel, or none, is a 404. */
    Uni<Void> remove(SqlClient client, UUID channelId, UUID slotId) {
        return client.preparedQuery("DELETE FROM slot WHERE channel_id = $1 AND id = $2").execute(Tuple.of(channelId, slotId))
                .map(deleted -> {
                    if (deleted.rowCount() == 0) {
                        throw ProblemException.notFound("Slot " + slotId);
                    }
                    return null;
                });
    }

    /** The channel's slots that overlap {@code [from, to)}, in start order. */
    public Uni<List<Slot>> overlapping(UUID channelId, Instant from, Instant to) {
        return overlapping(pool, channelId, from, to);
    }

    public Uni<List<Slot>> overlapping(SqlClient client, UUID channelId, Instant from, Instant to) {
        return slots(client, WINDOW, Tuple.of(channelId, utc(from), utc(to)));
    }

    /** A channel's window to read. */
    public record Window(UUID channelId, Instant from, Instant to) {
    }

    /**
     * Each window's slots in start order, one window after another, read {@value #PAGE} at a time
     * by keyset (a slot's start is unique within its channel): memory stays flat however long the
     * guide, and a slow reader holds no connection between pages. Pages are read one after another,
     * so an edit made while a guide streams may show in its later pages only.
     */
    public Multi<Slot> streamed(List<Window> windows) {
        return Multi.createFrom().iterable(windows).onItem().transformToMultiAndConcatenate(this::pages)
                .onItem().disjoint();
    }

    private Multi<List<Slot>> pages(Window window) {
        Tuple first = Tuple.of(window.channelId(), utc(window.from()), utc(window.to()), PAGE);
        Instant[] last = { null };
        return Multi.createBy().repeating()
                .uni(() -> slots(pool, last[0] == null ? WINDOW + " LIMIT $4" : NEXT_PAGE,
                        last[0] == null ? first : Tuple.of(window.channelId(), utc(last[0]), utc(window.to()), PAGE))
                        .invoke(page -> last[0] = page.isEmpty() ? null : page.get(page.size() - 1).startAt))
                .whilst(page -> page.size() == PAGE);
    }

    /** The first {@code most} slots of the channel that end after {@code at}, in start order: on air then and next, or what a push may have to move. */
    Uni<List<Slot>> endingAfter(SqlClient client, UUID channelId, Instant at, int most) {
        return slots(client, "SELECT " + COLUMNS + " FROM slot WHERE channel_id = $1 AND end_at > $2 ORDER BY start_at LIMIT $3",
                Tuple.of(channelId, utc(at), most));
    }

    /** The slot; one of another channel, or none, is a 404. */
    Uni<Slot> find(SqlClient client, UUID channelId, UUID slotId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM slot WHERE channel_id = $1 AND id = $2")
                .execute(Tuple.of(channelId, slotId))
                .map(rows -> rows.size() == 1 ? slotOf(rows.iterator().next().getDelegate()) : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Slot " + slotId));
    }

    /** Inserts new slots in one statement; one overlapping another fails the statement. */
    Uni<Void> insert(SqlClient client, List<Slot> slots) {
        if (slots.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int size = slots.size();
        UUID[] ids = new UUID[size];
        UUID[] channels = new UUID[size];
        UUID[] contents = new UUID[size];
        String[] kinds = new String[size];
        String[] titles = new String[size];
        UUID[] partners = new UUID[size];
        String[] ratings = new String[size];
        OffsetDateTime[] starts = new OffsetDateTime[size];
        OffsetDateTime[] ends = new OffsetDateTime[size];
        Boolean[] cuts = new Boolean[size];
        Long[] sequences = new Long[size];
        for (int i = 0; i < size; i++) {
            Slot slot = slots.get(i);
            ids[i] = slot.id;
            channels[i] = slot.channelId;
            contents[i] = slot.contentId;
            kinds[i] = slot.kind.name();
            titles[i] = slot.title;
            partners[i] = slot.partnerId;
            ratings[i] = slot.ageRating;
            starts[i] = utc(slot.startAt);
            ends[i] = utc(slot.endAt);
            cuts[i] = slot.cut;
            sequences[i] = slot.contentSequence;
        }
        // Each partner's sequence is read once, not once a row: a window's thousands of slots have a few partners.
        UUID[] distinctPartners = Arrays.stream(partners).distinct().toArray(UUID[]::new);
        return client.preparedQuery("""
                WITH known AS MATERIALIZED (SELECT id, sequence FROM partner_view WHERE id = ANY($12))
                INSERT INTO slot (id, channel_id, content_id, kind, title, partner_id, age_rating, start_at, end_at, cut, version,
                                  created_at, content_sequence, partner_sequence)
                SELECT id, channel_id, content_id, kind, title, partner_id, age_rating, start_at, end_at, cut, 0, now(), content_sequence,
                       COALESCE((SELECT k.sequence FROM known k WHERE k.id = s.partner_id), 0)
                FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::varchar[], $5::varchar[], $6::uuid[], $7::varchar[],
                            $8::timestamptz[], $9::timestamptz[], $10::boolean[], $11::bigint[])
                     AS s(id, channel_id, content_id, kind, title, partner_id, age_rating, start_at, end_at, cut, content_sequence)""")
                .execute(Tuple.tuple(List.<Object>of(ids, channels, contents, kinds, titles, partners, ratings, starts, ends, cuts,
                        sequences, distinctPartners)))
                .replaceWithVoid();
    }

    /** Deletes every slot the window holds; the caller has made sure none crosses its edges. */
    Uni<Void> deleteWithin(SqlClient client, UUID channelId, Instant from, Instant to) {
        return client.preparedQuery("DELETE FROM slot WHERE channel_id = $1 AND start_at >= $2 AND end_at <= $3")
                .execute(Tuple.of(channelId, utc(from), utc(to))).replaceWithVoid();
    }

    /**
     * Applies a live event's changes: removals first, then trims (which only shrink), then moves from
     * the latest back (each moves into time already vacated), then additions; so no statement ever
     * overlaps a slot that is still where it was. A slot changed since it was read is a 409.
     */
    public Uni<Void> apply(SqlClient client, List<ScheduleChange> changes) {
        List<Slot> removed = new ArrayList<>();
        List<Slot> trimmed = new ArrayList<>();
        List<Slot> moved = new ArrayList<>();
        List<Slot> added = new ArrayList<>();
        for (ScheduleChange change : changes) {
            switch (change.change()) {
                case REMOVED -> removed.add(change.slot());
                case TRIMMED -> trimmed.add(change.slot());
                case MOVED -> moved.add(change.slot());
                case ADDED -> added.add(change.slot());
            }
        }
        moved.sort(Comparator.comparing((Slot slot) -> slot.startAt).reversed());
        List<Slot> updated = new ArrayList<>(trimmed);
        updated.addAll(moved);
        return delete(client, removed).flatMap(ignored -> update(client, updated)).flatMap(ignored -> insert(client, added));
    }

    private Uni<Void> delete(SqlClient client, List<Slot> slots) {
        if (slots.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("DELETE FROM slot WHERE id = $1 AND version = $2")
                .executeBatch(slots.stream().map(slot -> Tuple.of(slot.id, slot.version)).toList())
                .map(results -> everyRowHit(results, slots.size()));
    }

    /** Writes each slot's times and cut mark in the given order, checking it is still the version read. */
    Uni<Void> update(SqlClient client, List<Slot> slots) {
        if (slots.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("UPDATE slot SET start_at = $3, end_at = $4, cut = $5, version = version + 1"
                + " WHERE id = $1 AND version = $2")
                .executeBatch(slots.stream()
                        .map(slot -> Tuple.of(slot.id, slot.version, utc(slot.startAt), utc(slot.endAt), slot.cut)).toList())
                .map(results -> everyRowHit(results, slots.size()));
    }

    private static Void everyRowHit(RowSet<Row> results, int expected) {
        int hit = 0;
        for (RowSet<Row> result = results; result != null; result = result.next()) {
            hit += result.rowCount();
        }
        if (hit != expected) {
            throw ProblemException.conflict("The schedule changed while it was being edited; read it again and retry");
        }
        return null;
    }

    private static List<Channel> channels(RowSet<Row> rows) {
        List<Channel> channels = new ArrayList<>(rows.size());
        for (Row row : rows) {
            channels.add(channelOf(row));
        }
        return channels;
    }

    /**
     * The slots a statement reads, made from its rows as the rows are decoded (Vert.x's collecting,
     * which its Mutiny API leaves out): a month's window (86,400 rows) was held as rows and as slots
     * at once, more than the young generation, and its reads ran full collections.
     */
    private static Uni<List<Slot>> slots(SqlClient client, String sql, Tuple arguments) {
        // deferred: run when subscribed to, as the Mutiny API's statements are
        return Uni.createFrom().deferred(() -> UniHelper.toUni(client.getDelegate().preparedQuery(sql).collecting(SLOTS)
                .execute(arguments.getDelegate()))).map(io.vertx.sqlclient.SqlResult::value);
    }

    private static final Collector<io.vertx.sqlclient.Row, ?, List<Slot>> SLOTS = Collectors.mapping(SlotTable::slotOf,
            Collectors.toList());

    /**
     * The slot a row of {@link #COLUMNS}, in their order and before any other column, holds: read by
     * position, as a read by name compares it with the row's column names one by one (a sixth of a
     * month's validation).
     */
    static Slot slotOf(io.vertx.sqlclient.Row row) {
        Slot slot = new Slot();
        slot.id = row.getUUID(0);
        slot.channelId = row.getUUID(1);
        slot.contentId = row.getUUID(2);
        slot.kind = SlotKind.valueOf(row.getString(3));
        slot.title = row.getString(4);
        slot.partnerId = row.getUUID(5);
        slot.ageRating = row.getString(6);
        slot.startAt = row.getOffsetDateTime(7).toInstant();
        slot.endAt = row.getOffsetDateTime(8).toInstant();
        slot.cut = row.getBoolean(9);
        slot.version = row.getLong(10);
        return slot;
    }

    /** What {@link #channelOf} reads of a channel. */
    public static final String CHANNEL_COLUMNS = "id, slug, name, time_zone, territories, filler_content_ids, status, healing, version";

    public static Channel channelOf(Row row) {
        Channel channel = new Channel();
        channel.id = row.getUUID("id");
        channel.slug = row.getString("slug");
        channel.name = row.getString("name");
        channel.timeZone = row.getString("time_zone");
        channel.territories = List.of(row.getArrayOfStrings("territories"));
        channel.fillerContentIds = List.of(row.getArrayOfUUIDs("filler_content_ids"));
        channel.status = ChannelStatus.valueOf(row.getString("status"));
        channel.healing = HealingPolicy.valueOf(row.getString("healing"));
        channel.version = row.getLong("version");
        return channel;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

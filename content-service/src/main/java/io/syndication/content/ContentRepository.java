package io.syndication.content;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.syndication.events.Outbox;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class ContentRepository implements PanacheRepositoryBase<ContentItem, UUID> {

    /**
     * Every column {@link ContentItem} maps, in the order {@link #itemOf} reads them: not the full-text
     * vector, which only searches read.
     */
    private static final String COLUMNS = "id, partner_id, external_id, kind, title, synopsis, language, categories, "
            + "duration_seconds, start_at, end_at, media_url, thumbnail_url, age_rating, available_from, available_until, "
            + "territories, status, version, reason, created_at, updated_at";

    /** What a catalogue search narrows by; null fields do not narrow. */
    public record Search(UUID partnerId, ContentKind kind, ContentStatus status, String territory, String category,
            String language, Instant availableAt, String text) {
    }

    /**
     * The catalogue's search in each order: one text each, whatever filters are set, so that a
     * connection keeps eight statements rather than one for each combination of filters, sort and
     * cursor (8,192 of them, against a cache of 256 a connection). Each filter is bound, null when it
     * is not set, and the {@code searches} datasource's connections plan every statement for the values
     * of its call ({@code plan_cache_mode=force_custom_plan}): an unset filter's condition folds away and
     * a set one reaches its index, as if the text named only the filters set. A plan made once for any
     * values could use no filter's index, and PostgreSQL, left to choose, keeps such a plan once it
     * costs no more than the plans made for the values so far. The parameters: $1 the partner a partner
     * sees, $2 the status an operator sees, $3-$10 the search's filters, $11 the limit, $12 and $13
     * the cursor's id and sort value.
     */
    private static final Map<ContentOrder, String> SEARCHES = Arrays.stream(ContentOrder.Field.values())
            .flatMap(field -> Stream.of(new ContentOrder(field, false), new ContentOrder(field, true)))
            .collect(Collectors.toUnmodifiableMap(order -> order, ContentRepository::searchIn));

    private final Pool database;
    private final Pool searches;

    public ContentRepository(Pool database, @ReactiveDataSource("searches") Pool searches) {
        this.database = database;
        this.searches = searches;
    }

    /**
     * Up to {@code limit} items the viewer may see that match {@code search}, in {@code order}, after
     * the position {@code after} (null for the first page). The free text goes through PostgreSQL's
     * full-text index, territories and categories through their GIN indexes. One prepared statement on
     * the reactive client reads the page, not Hibernate: Hibernate keys its plan of a native statement
     * on a result mapping it makes anew for each query, so every search missed its plan cache, made a
     * plan and pushed an older one out (a fifth of a page's CPU). The statement is the order's fixed
     * text of {@link #SEARCHES}, every filter bound, null where it is not set.
     */
    public Uni<List<ContentItem>> search(Viewer viewer, Search search, ContentOrder order, ContentOrder.Position after,
            int limit) {
        Tuple values = Tuple.tuple()
                .addValue(viewer instanceof Viewer.Partner partner ? partner.partnerId() : null)
                .addValue(viewer instanceof Viewer.Operator ? ContentStatus.APPROVED.name() : null)
                .addValue(search.partnerId())
                .addValue(search.kind() == null ? null : search.kind().name())
                .addValue(search.status() == null ? null : search.status().name())
                .addValue(search.territory())
                .addValue(search.category())
                .addValue(search.language())
                .addValue(search.availableAt() == null ? null : utc(search.availableAt()))
                .addValue(search.text() == null || search.text().isBlank() ? null : search.text())
                .addValue(limit)
                .addValue(after == null ? null : after.id());
        if (order.column() != null) {
            Object value = after == null ? null : after.value();
            values.addValue(value instanceof Instant instant ? utc(instant) : value);
        }
        return searches.preparedQuery(SEARCHES.get(order)).execute(values)
                .map(rows -> {
                    List<ContentItem> items = new ArrayList<>(rows.size());
                    rows.forEach(row -> items.add(itemOf(row)));
                    return items;
                });
    }

    /** The text of {@link #SEARCHES} that lists items in {@code order}. */
    private static String searchIn(ContentOrder order) {
        String direction = order.descending() ? "DESC" : "ASC";
        String after = order.column() == null ? "id" : "(" + order.column() + ", id)";
        String position = order.column() == null ? "$12" : "($13, $12)";
        String orderBy = (order.column() == null ? "" : order.column() + " " + direction + ", ") + "id " + direction;
        return "SELECT " + COLUMNS + " FROM content_item"
                + " WHERE ($1::uuid IS NULL OR partner_id = $1) AND ($2::varchar IS NULL OR status = $2)"
                + " AND ($3::uuid IS NULL OR partner_id = $3) AND ($4::varchar IS NULL OR kind = $4)"
                + " AND ($5::varchar IS NULL OR status = $5)"
                + " AND ($6::varchar IS NULL OR territories @> ARRAY[$6::varchar])"
                + " AND ($7::varchar IS NULL OR categories @> ARRAY[$7::varchar])"
                + " AND ($8::varchar IS NULL OR language = $8)"
                + " AND ($9::timestamptz IS NULL OR available_from <= $9 AND (available_until IS NULL OR available_until > $9))"
                + " AND ($10::text IS NULL OR search @@ websearch_to_tsquery('simple', $10))"
                + " AND ($12::uuid IS NULL OR " + after + (order.descending() ? " < " : " > ") + position + ")"
                + " ORDER BY " + orderBy + " LIMIT $11";
    }

    /**
     * The item a row of {@link #COLUMNS}, in their order and before any other column, holds: read by
     * position, as a read by name compares it with the row's column names one by one.
     */
    private static ContentItem itemOf(Row row) {
        ContentItem item = new ContentItem();
        item.id = row.getUUID(0);
        item.partnerId = row.getUUID(1);
        item.externalId = row.getString(2);
        item.kind = ContentKind.valueOf(row.getString(3));
        item.title = row.getString(4);
        item.synopsis = row.getString(5);
        item.language = row.getString(6);
        item.categories = List.of(row.getArrayOfStrings(7));
        item.durationSeconds = row.getInteger(8);
        item.startAt = instant(row, 9);
        item.endAt = instant(row, 10);
        item.mediaUrl = row.getString(11);
        item.thumbnailUrl = row.getString(12);
        item.ageRating = AgeRating.valueOf(row.getString(13));
        item.availableFrom = instant(row, 14);
        item.availableUntil = instant(row, 15);
        item.territories = List.of(row.getArrayOfStrings(16));
        item.status = ContentStatus.valueOf(row.getString(17));
        item.version = row.getLong(18);
        item.reason = row.getString(19);
        item.createdAt = instant(row, 20);
        item.updatedAt = instant(row, 21);
        return item;
    }

    private static Instant instant(Row row, int column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /**
     * The item, or null when it does not exist or the viewer may not see it: the two are never told
     * apart. Read by its key in one prepared statement on the reactive client, as {@link #search} reads
     * a page: a Hibernate session opened and closed around the same read cost a tenth of a single item's
     * answer (8,300-10,000 against 7,400-8,400 requests/s, side by side on this machine), then held to
     * the rule {@link #search} applies.
     */
    public Uni<ContentItem> findVisible(Viewer viewer, UUID id) {
        return database.preparedQuery("SELECT " + COLUMNS + " FROM content_item WHERE id = $1").execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    ContentItem item = itemOf(rows.iterator().next());
                    return sees(viewer, item) ? item : null;
                });
    }

    /** An item and the sequence of the last event announced about it (0 before any). */
    public record Announced(ContentItem item, long sequence) {
    }

    /**
     * Those of {@code ids} the viewer may see, each with its last event's sequence as of the same
     * commit, in one prepared statement (the same text for any number of ids).
     */
    public Uni<List<Announced>> findVisible(Viewer viewer, Collection<UUID> ids) {
        return database.preparedQuery("SELECT " + COLUMNS + ", " + Outbox.lastSequenceOf("id") + " AS sequence"
                + " FROM content_item WHERE id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    List<Announced> visible = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        ContentItem item = itemOf(row);
                        if (sees(viewer, item)) {
                            visible.add(new Announced(item, row.getLong("sequence")));
                        }
                    }
                    return visible;
                });
    }

    /** Who sees what, for one item already read: a partner its own items, an operator approved ones, an admin all. */
    private static boolean sees(Viewer viewer, ContentItem item) {
        if (viewer instanceof Viewer.Partner partner) {
            return item.partnerId.equals(partner.partnerId());
        }
        return !(viewer instanceof Viewer.Operator) || item.status == ContentStatus.APPROVED;
    }

    /**
     * Holds the partner's {@code externalIds} until the transaction ends, each with a lock of its own
     * taken in one order: requests sending the same new item take turns, so a later one finds the
     * item an earlier one made instead of inserting a second, and two batches never wait for each other.
     */
    public Uni<Void> lockExternalIds(SqlConnection connection, UUID partnerId, Collection<String> externalIds) {
        // OFFSET 0 keeps the sorted subquery whole, so the locks are taken in its order
        return connection.preparedQuery("SELECT pg_advisory_xact_lock(key) FROM (SELECT DISTINCT hashtextextended($1 || '/' || id, 0)"
                + " AS key FROM unnest($2::text[]) AS id ORDER BY key OFFSET 0) AS keys")
                .execute(Tuple.of(partnerId.toString(), externalIds.toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** The partner's items known as {@code externalIds}, each held for update until the transaction ends. */
    public Uni<List<ContentItem>> lockedByExternalId(SqlConnection connection, UUID partnerId, Collection<String> externalIds) {
        return connection.preparedQuery("SELECT " + COLUMNS + " FROM content_item WHERE partner_id = $1 AND external_id = ANY($2)"
                + " ORDER BY id FOR UPDATE")
                .execute(Tuple.of(partnerId, externalIds.toArray(String[]::new)))
                .map(rows -> {
                    List<ContentItem> locked = new ArrayList<>(rows.size());
                    rows.forEach(row -> locked.add(itemOf(row)));
                    return locked;
                });
    }

    /**
     * A batch of items as {@link #COLUMNS} unnested from their arrays ({@link #asColumns}); its rows are
     * called {@code sent}. A batch's rows are written by one statement a table, each column sent as an
     * array: sent as a statement a row, PostgreSQL spent more on starting each statement (its plan, the
     * generated search vector's and the checks' expressions read again) than on the row itself.
     */
    private static final String SENT = " FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],"
            + " $7::text[], $8::text[], $9::int[], $10::timestamptz[], $11::timestamptz[], $12::text[], $13::text[], $14::text[],"
            + " $15::timestamptz[], $16::timestamptz[], $17::text[], $18::text[], $19::bigint[], $20::text[], $21::timestamptz[],"
            + " $22::timestamptz[]) AS sent(" + COLUMNS + ")";

    /** Inserts new items, in one statement. */
    public Uni<Void> insert(SqlConnection connection, List<ContentItem> created) {
        return created.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery("INSERT INTO content_item (" + COLUMNS + ") SELECT id, partner_id, external_id, kind,"
                        + " title, synopsis, language, categories::varchar[], duration_seconds, start_at, end_at, media_url,"
                        + " thumbnail_url, age_rating, available_from, available_until, territories::varchar[], status, version,"
                        + " reason, created_at, updated_at" + SENT)
                        .execute(asColumns(created))
                        .replaceWithVoid();
    }

    /** Writes what a partner says about items, their status and version, in one statement. */
    public Uni<Void> update(SqlConnection connection, Collection<ContentItem> changed) {
        return changed.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery("UPDATE content_item AS item SET kind = sent.kind, title = sent.title,"
                        + " synopsis = sent.synopsis, language = sent.language, categories = sent.categories::varchar[],"
                        + " duration_seconds = sent.duration_seconds, start_at = sent.start_at, end_at = sent.end_at,"
                        + " media_url = sent.media_url, thumbnail_url = sent.thumbnail_url, age_rating = sent.age_rating,"
                        + " available_from = sent.available_from, available_until = sent.available_until,"
                        + " territories = sent.territories::varchar[], status = sent.status, version = sent.version,"
                        + " updated_at = sent.updated_at" + SENT + " WHERE item.id = sent.id")
                        .execute(asColumns(changed))
                        .replaceWithVoid();
    }

    /** Each of {@link #COLUMNS} of {@code items}, in order, as the array {@link #SENT} unnests. */
    private static Tuple asColumns(Collection<ContentItem> items) {
        return Tuple.wrap(Arrays.asList(
                column(items, item -> item.id, UUID[]::new),
                column(items, item -> item.partnerId, UUID[]::new),
                column(items, item -> item.externalId, String[]::new),
                column(items, item -> item.kind.name(), String[]::new),
                column(items, item -> item.title, String[]::new),
                column(items, item -> item.synopsis, String[]::new),
                column(items, item -> item.language, String[]::new),
                column(items, item -> arrayText(item.categories), String[]::new),
                column(items, item -> item.durationSeconds, Integer[]::new),
                column(items, item -> utc(item.startAt), OffsetDateTime[]::new),
                column(items, item -> utc(item.endAt), OffsetDateTime[]::new),
                column(items, item -> item.mediaUrl, String[]::new),
                column(items, item -> item.thumbnailUrl, String[]::new),
                column(items, item -> item.ageRating.name(), String[]::new),
                column(items, item -> utc(item.availableFrom), OffsetDateTime[]::new),
                column(items, item -> utc(item.availableUntil), OffsetDateTime[]::new),
                column(items, item -> arrayText(item.territories), String[]::new),
                column(items, item -> item.status.name(), String[]::new),
                column(items, item -> item.version, Long[]::new),
                column(items, item -> item.reason, String[]::new),
                column(items, item -> utc(item.createdAt), OffsetDateTime[]::new),
                column(items, item -> utc(item.updatedAt), OffsetDateTime[]::new)));
    }

    /** Writes steps of items' moderation histories, in one statement. */
    public Uni<Void> recordEvents(SqlConnection connection, List<ContentEvent> events) {
        return events.isEmpty() ? Uni.createFrom().voidItem()
                : connection.preparedQuery("INSERT INTO content_event (id, content_id, actor, action, from_status, to_status, reason,"
                        + " occurred_at) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],"
                        + " $7::text[], $8::timestamptz[])")
                        .execute(Tuple.wrap(Arrays.asList(
                                column(events, event -> event.id, UUID[]::new),
                                column(events, event -> event.contentId, UUID[]::new),
                                column(events, event -> event.actor, String[]::new),
                                column(events, event -> event.action, String[]::new),
                                column(events, event -> event.fromStatus == null ? null : event.fromStatus.name(), String[]::new),
                                column(events, event -> event.toStatus.name(), String[]::new),
                                column(events, event -> event.reason, String[]::new),
                                column(events, event -> utc(event.occurredAt), OffsetDateTime[]::new))))
                        .replaceWithVoid();
    }

    /** One column of {@code rows}, as the array a statement unnests. */
    private static <R, T> T[] column(Collection<R> rows, Function<R, T> value, IntFunction<T[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    /**
     * A list in PostgreSQL's text form of an array, each element quoted: a column of lists is sent as
     * their texts, since PostgreSQL's arrays of arrays must all be of one length.
     */
    private static String arrayText(List<String> values) {
        return values.stream().map(value -> '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /** Writes one step of an item's moderation history; call it inside the transaction that made it. */
    public Uni<ContentEvent> recordEvent(UUID contentId, String actor, String action, ContentStatus from,
            ContentStatus to, String reason) {
        return historyStep(contentId, actor, action, from, to, reason).persist();
    }

    /** One step of an item's moderation history, as it happens now. */
    static ContentEvent historyStep(UUID contentId, String actor, String action, ContentStatus from, ContentStatus to,
            String reason) {
        ContentEvent event = new ContentEvent();
        event.id = UUID.randomUUID();
        event.contentId = contentId;
        event.actor = actor;
        event.action = action;
        event.fromStatus = from;
        event.toStatus = to;
        event.reason = reason;
        event.occurredAt = ContentService.now();
        return event;
    }

    /** An item's moderation history, oldest first. */
    @WithSession
    public Uni<List<ContentEvent>> history(UUID contentId) {
        return ContentEvent.find("contentId = ?1 order by occurredAt, id", contentId).list();
    }
}

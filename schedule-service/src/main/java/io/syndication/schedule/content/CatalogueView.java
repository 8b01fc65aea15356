package io.syndication.schedule.content;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The local view of content-service's items and partner-service's partners, kept from their events:
 * all of its SQL. A row holds the state its last applied event carried and that event's sequence; an
 * event is applied only if its sequence is higher, in one statement, so a duplicate or a late event
 * changes nothing however the deliveries interleave.
 */
@ApplicationScoped
public class CatalogueView {

    private static final Logger LOG = Logger.getLogger(CatalogueView.class);

    /**
     * The order the view's rows are locked in by everyone (ORDER BY id, as PostgreSQL orders uuids: byte by
     * byte, unsigned, as their text sorts; UUID.compareTo compares signed halves, another order).
     */
    private static final Comparator<UUID> LOCK_ORDER = Comparator.comparing(UUID::toString);

    private static final String ITEM_COLUMNS = "c.id, c.partner_id, c.kind, c.title, c.status, c.duration_seconds, c.start_at,"
            + " c.end_at, c.age_rating, c.available_from, c.available_until, c.territories, c.sequence";

    private static final String APPLY_ITEM = """
            INSERT INTO content_view AS known (id, partner_id, kind, title, status, duration_seconds, start_at, end_at,
                age_rating, available_from, available_until, territories, sequence, event_id, applied_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now())
            ON CONFLICT (id) DO UPDATE SET partner_id = EXCLUDED.partner_id, kind = EXCLUDED.kind, title = EXCLUDED.title,
                status = EXCLUDED.status, duration_seconds = EXCLUDED.duration_seconds, start_at = EXCLUDED.start_at,
                end_at = EXCLUDED.end_at, age_rating = EXCLUDED.age_rating, available_from = EXCLUDED.available_from,
                available_until = EXCLUDED.available_until, territories = EXCLUDED.territories,
                sequence = EXCLUDED.sequence, event_id = EXCLUDED.event_id, applied_at = EXCLUDED.applied_at
            WHERE known.sequence < EXCLUDED.sequence""";

    private static final String APPLY_PARTNER = """
            INSERT INTO partner_view AS known (id, status, sequence, event_id, applied_at) VALUES ($1, $2, $3, $4, now())
            ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, sequence = EXCLUDED.sequence,
                event_id = EXCLUDED.event_id, applied_at = EXCLUDED.applied_at
            WHERE known.sequence < EXCLUDED.sequence""";

    /**
     * A partner content-service said is ACTIVE, kept until partner-service's first event about it: a row
     * the events already made is newer than the answer, and every event is newer than sequence 0.
     */
    private static final String REMEMBER_ACTIVE_PARTNER = """
            INSERT INTO partner_view (id, status, sequence, event_id, applied_at) VALUES ($1, 'ACTIVE', 0, $2, now())
            ON CONFLICT (id) DO NOTHING""";

    /** The {@code event_id} of what the view holds from content-service's answers rather than from an event. */
    private static final String ANSWERED = "content-service";

    private final Pool pool;

    CatalogueView(Pool pool) {
        this.pool = pool;
    }

    /** An item as the view holds it, and its partner's status (null while the view does not know the partner). */
    public record Known(ContentItem item, PartnerStatus partnerStatus) {

        /** Whether the view knows the partner to be ACTIVE; an unknown partner is not known to be inactive either. */
        public boolean partnerKnownInactive() {
            return partnerStatus != null && partnerStatus != PartnerStatus.ACTIVE;
        }
    }

    /** What the view holds of each of {@code ids}, by id, in one statement; an id it does not hold is left out. */
    public Uni<Map<UUID, Known>> known(Collection<UUID> ids) {
        return known(pool, ids);
    }

    public Uni<Map<UUID, Known>> known(SqlClient client, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("SELECT " + ITEM_COLUMNS + ", p.status AS partner_status FROM content_view c"
                + " LEFT JOIN partner_view p ON p.id = c.partner_id WHERE c.id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, Known> known = new HashMap<>();
                    for (Row row : rows) {
                        String partner = row.getString("partner_status");
                        known.put(row.getUUID("id"), new Known(itemOf(row), partner == null ? null : PartnerStatus.valueOf(partner)));
                    }
                    return known;
                });
    }

    /** The partner's status as the view knows it; null when it does not. */
    public Uni<PartnerStatus> partnerStatus(SqlClient client, UUID partnerId) {
        return client.preparedQuery("SELECT status FROM partner_view WHERE id = $1").execute(Tuple.of(partnerId))
                .map(rows -> rows.size() == 0 ? null : PartnerStatus.valueOf(rows.iterator().next().getString("status")));
    }

    /** An item's state as of the event {@code eventId}, its {@code sequence} about the item. */
    public record ItemState(ContentItem item, long sequence, String eventId) {
    }

    /**
     * Takes each state as its item's if its sequence is above the last one applied to the item, in one
     * batch of statements; whether each did. The rows are written in id order (a subject's states in
     * theirs), as every writer of the view and every placement locking it takes them, so that none of them
     * waits for another in a circle.
     */
    public Uni<List<Boolean>> apply(SqlClient client, List<ItemState> states) {
        List<Integer> order = new ArrayList<>();
        for (int index = 0; index < states.size(); index++) {
            order.add(index);
        }
        order.sort(Comparator.comparing(index -> states.get(index).item().id(), LOCK_ORDER));
        return client.preparedQuery(APPLY_ITEM).executeBatch(order.stream()
                        .map(index -> itemTuple(states.get(index).item(), states.get(index).sequence(), states.get(index).eventId()))
                        .toList())
                .map(results -> {
                    Boolean[] applied = new Boolean[states.size()];
                    RowSet<Row> result = results;
                    for (int index : order) {
                        applied[index] = result.rowCount() == 1;
                        result = result.next();
                    }
                    return List.of(applied);
                });
    }

    private static Tuple itemTuple(ContentItem item, long sequence, String eventId) {
        return Tuple.tuple(Arrays.asList(item.id(), item.partnerId(), item.kind().name(), item.title(), item.status().name(),
                item.durationSeconds(), utc(item.start()), utc(item.end()), item.ageRating(), utc(item.availableFrom()),
                utc(item.availableUntil()), item.territories().toArray(String[]::new), sequence, eventId));
    }

    /**
     * Keeps what content-service answered of items, as of the sequence of each one's last event, where the
     * view holds nothing newer; and their partners it said are ACTIVE, where the view knows nothing of them.
     * So an item approved before its events were published, or before the view caught up, is read locally
     * from then on.
     */
    Uni<Void> remember(List<ContentRestClient.Availability> answers) {
        if (answers.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // in id order, as every writer of the view (see apply)
        List<Tuple> items = answers.stream().sorted(Comparator.comparing(answer -> answer.content().id(), LOCK_ORDER))
                .map(answer -> itemTuple(answer.content(), answer.sequence(), ANSWERED)).toList();
        List<Tuple> activePartners = answers.stream()
                .filter(answer -> !answer.reasons().contains(Unavailability.PARTNER_INACTIVE))
                .map(answer -> answer.content().partnerId()).distinct()
                .map(partnerId -> Tuple.of(partnerId, ANSWERED)).toList();
        return pool.preparedQuery(APPLY_ITEM).executeBatch(items)
                .flatMap(applied -> activePartners.isEmpty() ? Uni.createFrom().voidItem()
                        : pool.preparedQuery(REMEMBER_ACTIVE_PARTNER).executeBatch(activePartners).replaceWithVoid())
                // only a saving: the items are asked about again next time
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("Could not keep content-service's answer in the view (%s)", failure.toString());
                    return null;
                });
    }

    /** Takes {@code status} as the partner's if {@code sequence} is above the last one applied to it; whether it did. */
    public Uni<Boolean> applyPartner(SqlClient client, UUID partnerId, PartnerStatus status, long sequence, String eventId) {
        return client.preparedQuery(APPLY_PARTNER).execute(Tuple.of(partnerId, status.name(), sequence, eventId))
                .map(applied -> applied.rowCount() == 1);
    }

    private static ContentItem itemOf(Row row) {
        return new ContentItem(row.getUUID("id"), row.getUUID("partner_id"), ContentKind.valueOf(row.getString("kind")),
                row.getString("title"), ContentStatus.valueOf(row.getString("status")), row.getInteger("duration_seconds"),
                instant(row, "start_at"), instant(row, "end_at"), row.getString("age_rating"), instant(row, "available_from"),
                instant(row, "available_until"), List.of(row.getArrayOfStrings("territories")), row.getLong("sequence"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

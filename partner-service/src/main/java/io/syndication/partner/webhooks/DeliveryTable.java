package io.syndication.partner.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.data.Interval;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Deliveries in the database, over the reactive client: queued when an event arrives, claimed for
 * an attempt, and marked with each attempt's outcome.
 */
@ApplicationScoped
public class DeliveryTable {

    /**
     * One delivery per subscription that wants the event: every enabled one of its partner, and every
     * platform-wide one, whose types name it (or that names none). Once only, however often it arrives.
     * A terminated partner hears of its termination, and of nothing after it.
     */
    private static final String ENQUEUE = "INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type,"
            + " subject, body, status, next_attempt_at, retry_until, created_at)"
            + " SELECT gen_random_uuid(), s.id, $1, $2, $3, $4, 'PENDING', now(), now() + $6::interval, now()"
            + " FROM webhook_subscription s LEFT JOIN partner p ON p.id = s.partner_id"
            + " WHERE s.enabled AND (s.partner_id = $5 OR s.partner_id IS NULL)"
            + " AND (p.status IS DISTINCT FROM 'TERMINATED' OR $2 = 'partner.terminated')"
            + " AND (cardinality(s.event_types) = 0 OR $2 = ANY (s.event_types))"
            + " ON CONFLICT ON CONSTRAINT webhook_delivery_once DO NOTHING";

    /**
     * Takes up to $1 due deliveries for an attempt, each the oldest still pending of its subject for its
     * subscription (so a subject's events reach a subscriber in order), and holds them for $2: another
     * replica does not take them meanwhile, and if this one dies they are due again after it.
     */
    private static final String CLAIM = "WITH due AS (SELECT d.id FROM webhook_delivery d"
            + " WHERE d.status = 'PENDING' AND d.next_attempt_at <= now()"
            + " AND NOT EXISTS (SELECT 1 FROM webhook_delivery earlier WHERE earlier.subscription_id = d.subscription_id"
            + " AND earlier.subject = d.subject AND earlier.status = 'PENDING' AND earlier.position < d.position)"
            + " ORDER BY d.position LIMIT $1 FOR UPDATE OF d SKIP LOCKED)"
            + " UPDATE webhook_delivery d SET next_attempt_at = now() + $2::interval, attempts = d.attempts + 1"
            + " FROM due, webhook_subscription s WHERE d.id = due.id AND s.id = d.subscription_id AND s.enabled"
            + " RETURNING d.id, d.event_id, d.body, d.attempts, d.retry_until, s.id AS subscription_id, s.url, s.secret,"
            + " CASE WHEN s.previous_secret_until > now() THEN s.previous_secret END AS previous_secret";

    private static final String LOG_COLUMNS = "id, event_id, event_type, status, attempts, last_status_code,"
            + " last_latency_ms, last_error, next_attempt_at, created_at, delivered_at, position";

    private final Pool database;

    DeliveryTable(Pool database) {
        this.database = database;
    }

    Pool database() {
        return database;
    }

    Uni<Integer> enqueue(UUID eventId, String type, String subject, UUID partnerId, String body, Duration retryFor) {
        return database.preparedQuery(ENQUEUE)
                .execute(Tuple.wrap(Arrays.asList(eventId, type, subject, body, partnerId, interval(retryFor))))
                .map(RowSet::rowCount);
    }

    Uni<List<Claimed>> claim(int most, Duration lease) {
        return database.preparedQuery(CLAIM).execute(Tuple.of(most, interval(lease))).map(rows -> {
            List<Claimed> claimed = new ArrayList<>(rows.size());
            for (Row row : rows) {
                List<String> secrets = new ArrayList<>(List.of(row.getString("secret")));
                if (row.getString("previous_secret") != null) {
                    secrets.add(row.getString("previous_secret"));
                }
                claimed.add(new Claimed(row.getUUID("id"), row.getUUID("subscription_id"), row.getString("url"), secrets,
                        row.getUUID("event_id").toString(), row.getString("body"), row.getInteger("attempts"),
                        row.getOffsetDateTime("retry_until").toInstant()));
            }
            return claimed;
        });
    }

    /** Records an attempt's outcome: DELIVERED, or due again at {@code nextAttempt}, or FAILED when that is null. */
    Uni<Void> record(SqlClient client, Claimed delivery, Attempt attempt, Instant nextAttempt) {
        String status = attempt.succeeded() ? "DELIVERED" : nextAttempt == null ? "FAILED" : "PENDING";
        return client.preparedQuery("UPDATE webhook_delivery SET status = $2, last_status_code = $3, last_latency_ms = $4,"
                + " last_error = $5, next_attempt_at = $6, delivered_at = CASE WHEN $7 THEN now() END WHERE id = $1")
                .execute(Tuple.wrap(Arrays.asList(delivery.id(), status, attempt.statusCode(),
                        (int) attempt.latency().toMillis(), attempt.error(),
                        nextAttempt == null ? null : nextAttempt.atOffset(ZoneOffset.UTC), attempt.succeeded())))
                .replaceWithVoid();
    }

    /** A page of a subscription's log, newest first, after the delivery at {@code beforePosition} (null: from the newest). */
    Uni<List<DeliveryLog>> log(UUID subscriptionId, Long beforePosition, int limit) {
        return database.preparedQuery("SELECT " + LOG_COLUMNS + " FROM webhook_delivery WHERE subscription_id = $1"
                + " AND ($2::bigint IS NULL OR position < $2) ORDER BY position DESC LIMIT $3")
                .execute(Tuple.of(subscriptionId, beforePosition, limit))
                .map(rows -> {
                    List<DeliveryLog> log = new ArrayList<>(rows.size());
                    rows.forEach(row -> log.add(DeliveryLog.of(row)));
                    return log;
                });
    }

    /** Queues a delivery of the subscription again, now, with retries for {@code retryFor}; false when there is none. */
    Uni<Boolean> redeliver(UUID subscriptionId, UUID deliveryId, Duration retryFor) {
        return database.preparedQuery("UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = now(),"
                + " retry_until = now() + $3::interval WHERE id = $2 AND subscription_id = $1")
                .execute(Tuple.of(subscriptionId, deliveryId, interval(retryFor)))
                .map(rows -> rows.rowCount() == 1);
    }

    /** A duration as PostgreSQL's interval. */
    static Interval interval(Duration duration) {
        return Interval.of(0, 0, 0, 0, 0, (int) duration.toSeconds(), duration.toMillisPart() * 1000);
    }

    /** A delivery taken for an attempt, with what the attempt needs. */
    record Claimed(UUID id, UUID subscriptionId, String url, List<String> secrets, String eventId, String body,
            int attempt, Instant retryUntil) {
    }

    /** One line of a subscription's delivery log. */
    public record DeliveryLog(UUID id, String eventId, String type, String status, int attempt, Integer statusCode,
            Integer latencyMs, String error, Instant nextRetry, Instant createdAt, Instant deliveredAt, long position) {

        static DeliveryLog of(Row row) {
            return new DeliveryLog(row.getUUID("id"), row.getUUID("event_id").toString(), row.getString("event_type"),
                    row.getString("status"), row.getInteger("attempts"), row.getInteger("last_status_code"),
                    row.getInteger("last_latency_ms"), row.getString("last_error"), instant(row.getOffsetDateTime("next_attempt_at")),
                    instant(row.getOffsetDateTime("created_at")), instant(row.getOffsetDateTime("delivered_at")),
                    row.getLong("position"));
        }

        private static Instant instant(OffsetDateTime time) {
            return time == null ? null : time.toInstant();
        }
    }
}

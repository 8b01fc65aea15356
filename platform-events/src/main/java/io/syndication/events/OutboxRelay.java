package io.syndication.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Publishes the outbox to Kafka, oldest first, and deletes what the broker has acknowledged. One
 * relay works at a time among a service's replicas (a transaction-scoped advisory lock), so a
 * subject's events reach the broker in order; the subject is the record key, so they stay in order
 * within its partition. An event is deleted only in the transaction that read it, after the broker
 * acknowledged it: a crash in between publishes it again, with the same id and sequence, which
 * consumers recognise.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The advisory lock key the relays of one database take turns on (whoever holds it holds the relay back). */
    public static final long RELAY_LOCK = 0x6f7574626f78L;

    private static final String OLDEST = "SELECT id, topic, type, subject, partner_id, occurred_at, sequence, data"
            + " FROM outbox_event ORDER BY position LIMIT $1";

    /** Longest the relay waits between two looks at an outbox it found empty, and after a failure at first. */
    private static final Duration IDLE = Duration.ofMillis(100);
    private static final Duration MOST_BACKOFF = Duration.ofSeconds(30);
    private static final Duration BACKLOG_READINGS = Duration.ofSeconds(5);
    /** How long a batch waits for the broker's acknowledgements before it is given up and retried. */
    private static final Duration ACKNOWLEDGEMENT = Duration.ofSeconds(30);

    private final Pool database;
    private final MutinyEmitter<String> broker;
    private final ObjectMapper json;
    private final String source;
    private final int batch;
    private final Rounds rounds;
    private final Rounds backlogReadings;
    /** The outbox's backlog as last read: how many events wait, and for how long the oldest has. */
    private volatile long pending;
    private volatile double oldestAge;

    OutboxRelay(Pool database, Vertx vertx, @Channel("events") MutinyEmitter<String> broker, ObjectMapper json,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "platform.events.relay-batch", defaultValue = "100") int batch) {
        this.database = database;
        this.broker = broker;
        this.json = json;
        this.source = "/" + service;
        this.batch = batch;
        // a full batch is followed at once by the next; an empty outbox is looked at again shortly
        this.rounds = new Rounds(vertx, "Publishing the outbox", IDLE, MOST_BACKOFF,
                () -> publishBatch().map(published -> published == batch));
        this.backlogReadings = new Rounds(vertx, "Reading the outbox's backlog", BACKLOG_READINGS, MOST_BACKOFF,
                () -> readBacklog().replaceWith(false));
    }

    /**
     * The backlog as gauges: {@code outbox.pending.events}, and {@code outbox.oldest.age.seconds}, which
     * grows while the relay cannot publish (the broker away): what an alert should watch.
     */
    @Inject
    void reportBacklog(MeterRegistry metrics) {
        Gauge.builder("outbox.pending.events", this, relay -> relay.pending)
                .description("Events written to the outbox and not yet acknowledged by the broker").register(metrics);
        Gauge.builder("outbox.oldest.age.seconds", this, relay -> relay.oldestAge)
                .description("How long the oldest event waiting in the outbox has waited").register(metrics);
    }

    Uni<Void> readBacklog() {
        return database.query("SELECT count(*), coalesce(extract(epoch FROM now() - min(occurred_at)), 0) FROM outbox_event")
                .execute().invoke(rows -> {
                    Row row = rows.iterator().next();
                    pending = row.getLong(0);
                    oldestAge = row.getNumeric(1).doubleValue();
                }).replaceWithVoid();
    }

    void start(@Observes StartupEvent started) {
        rounds.start();
        backlogReadings.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        rounds.stop();
        backlogReadings.stop();
    }

    /** Publishes one batch; the number of events published, 0 when another replica's relay is at work. */
    Uni<Integer> publishBatch() {
        return database.withTransaction(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_xact_lock($1)").execute(Tuple.of(RELAY_LOCK))
                .flatMap(lock -> lock.iterator().next().getBoolean(0) ? publishOldest(connection) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishOldest(SqlConnection connection) {
        return connection.preparedQuery(OLDEST).execute(Tuple.of(batch)).flatMap(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(0);
            }
            List<Uni<Void>> sent = new ArrayList<>(rows.size());
            List<UUID> ids = new ArrayList<>(rows.size());
            for (Row row : rows) {
                ids.add(row.getUUID("id"));
                sent.add(broker.sendMessage(recordOf(row)));
            }
            return Uni.join().all(sent).andFailFast().ifNoItem().after(ACKNOWLEDGEMENT).fail()
                    .flatMap(acknowledged -> connection.preparedQuery("DELETE FROM outbox_event WHERE id = ANY($1)")
                            .execute(Tuple.of(ids.toArray(UUID[]::new))))
                    .map(deleted -> ids.size());
        });
    }

    private Message<String> recordOf(Row row) {
        String subject = row.getUUID("subject").toString();
        UUID partner = row.getUUID("partner_id");
        CloudEvent event = CloudEvent.of(source, row.getUUID("id").toString(), row.getString("type"), subject,
                row.getOffsetDateTime("occurred_at").toInstant(), row.getLong("sequence"),
                partner == null ? null : partner.toString(), row.getString("data"));
        try {
            return Message.of(json.writeValueAsString(event)).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                    .withTopic(row.getString("topic"))
                    .withKey(subject)
                    .withHeaders(List.of(new RecordHeader("content-type",
                            CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8))))
                    .build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.id() + " could not be written as JSON", e);
        }
    }
}

package io.syndication.events;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Where a service announces a change: the event is written to the outbox in the transaction that
 * makes the change, so it is published if and only if the change commits, however the process
 * ends afterwards ({@link OutboxRelay} publishes it).
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = "INSERT INTO outbox_event (id, topic, type, subject, partner_id, occurred_at, data)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7)";

    /**
     * Writes events' data as the API writes JSON (ISO-8601 instants, java.time and Optional types), but
     * without the serializers Quarkus generates at build time for the API's answers
     * ({@code quarkus.rest.jackson.optimization}): those cannot unwrap ({@code @JsonUnwrapped}), so an
     * event's data would nest what it unwraps as soon as the unwrapped type is also part of an answer.
     */
    private static final ObjectMapper DATA = JsonMapper.builder()
            .addModule(new JavaTimeModule()).addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();

    private final String topic;

    /**
     * SQL for the sequence of the last event announced about the subject in {@code subjectColumn}
     * (0 before any): a read that selects it beside the subject's row sees the two as of one commit, so a
     * consumer holding events can tell which of them the row already reflects.
     */
    public static String lastSequenceOf(String subjectColumn) {
        return "COALESCE((SELECT last FROM event_sequence WHERE subject = " + subjectColumn + "), 0)";
    }

    Outbox(@ConfigProperty(name = "platform.events.topic") String topic) {
        this.topic = topic;
    }

    /**
     * Adds an event of {@code type} about {@code subject}, concerning {@code partnerId} (null: the
     * platform only), with {@code data} written as JSON. Call it inside the change's transaction.
     */
    public Uni<Void> announce(String type, UUID subject, UUID partnerId, Object data) {
        return Uni.createFrom().item(() -> event(type, subject, partnerId, data))
                .flatMap(event -> event.persist())
                .replaceWithVoid();
    }

    /**
     * The same, for a change written over the reactive client's {@code connection} rather than a
     * Hibernate session: the event is inserted on that connection, in its transaction.
     */
    public Uni<Void> announce(SqlConnection connection, String type, UUID subject, UUID partnerId, Object data) {
        return announce(connection, List.of(new Announcement(type, subject, partnerId, data)));
    }

    /** An event to announce: its type, its subject, the partner it concerns (null: the platform only) and its data. */
    public record Announcement(String type, UUID subject, UUID partnerId, Object data) {
    }

    /**
     * Adds the events of {@code announcements}, in order, on {@code connection} in its transaction: one
     * batch of statements for them all (nothing for none).
     */
    public Uni<Void> announce(SqlConnection connection, List<Announcement> announcements) {
        if (announcements.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().item(() -> announcements.stream()
                .map(announced -> event(announced.type(), announced.subject(), announced.partnerId(), announced.data()))
                .map(event -> Tuple.wrap(Arrays.asList(event.id, event.topic, event.type, event.subject, event.partnerId,
                        event.occurredAt.atOffset(ZoneOffset.UTC), event.data)))
                .toList())
                .flatMap(rows -> connection.preparedQuery(INSERT).executeBatch(rows))
                .replaceWithVoid();
    }

    private OutboxEvent event(String type, UUID subject, UUID partnerId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.type = type;
        event.subject = subject;
        event.partnerId = partnerId;
        // PostgreSQL keeps microseconds: the time published is the time stored
        event.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            event.data = DATA.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The data of " + type + " could not be written as JSON", e);
        }
        return event;
    }
}

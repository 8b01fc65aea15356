package io.syndication.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Where a service announces a change: the event is written to the outbox in the transaction that
 * makes the change, so it is published if and only if the change commits, however the process
 * ends afterwards ({@link OutboxRelay} publishes it).
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final String topic;

    Outbox(ObjectMapper json, @ConfigProperty(name = "platform.events.topic") String topic) {
        this.json = json;
        this.topic = topic;
    }

    /**
     * Adds an event of {@code type} about {@code subject}, concerning {@code partnerId} (null: the
     * platform only), with {@code data} written as JSON. Call it inside the change's transaction.
     */
    public Uni<Void> announce(String type, UUID subject, UUID partnerId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.type = type;
        event.subject = subject;
        event.partnerId = partnerId;
        // PostgreSQL keeps microseconds: the time published is the time stored
        event.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            event.data = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("The data of " + type + " could not be written as JSON", e));
        }
        return event.persist().replaceWithVoid();
    }
}

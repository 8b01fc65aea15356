package io.syndication.events;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * An event waiting in the outbox for the relay. Its sequence within the subject and its place in the
 * outbox are given by the database as it is inserted (R__event_outbox.sql), so they are not mapped.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public String type;

    /** The aggregate the event is about: an item, a partner, a channel. */
    @Column(nullable = false)
    public UUID subject;

    /** The partner the event concerns, who may receive it; null when it concerns the platform only. */
    @Column(name = "partner_id")
    public UUID partnerId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** The event's data as JSON. */
    @Column(nullable = false)
    public String data;
}

package io.syndication.partner;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One entry of a partner's audit trail: who did what, when, why, and what it changed. */
@Entity
@Table(name = "partner_event")
public class PartnerEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String action;

    public String reason;

    /** JSON object: field name to {@code {"from": old, "to": new}}. */
    @Column(nullable = false)
    public String changes;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}

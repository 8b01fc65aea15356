package io.syndication.content;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One step of an item's moderation history. */
@Entity
@Table(name = "content_event")
public class ContentEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "content_id", nullable = false)
    public UUID contentId;

    @Column(nullable = false)
    public String actor;

    /** CREATED, UPDATED, SUBMIT, APPROVE, REJECT, RETIRE, or RESUBMITTED_BY_EDIT. */
    @Column(nullable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ContentStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public ContentStatus toStatus;

    public String reason;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}

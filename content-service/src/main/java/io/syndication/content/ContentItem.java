package io.syndication.content;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A live event, programme or clip that a partner offers for our channels. */
@Entity
@Table(name = "content_item")
public class ContentItem extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "partner_id", nullable = false)
    public UUID partnerId;

    /** The partner's own id for the item, unique per partner. */
    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContentKind kind;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContentStatus status;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

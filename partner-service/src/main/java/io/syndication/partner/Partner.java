package io.syndication.partner;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A broadcaster, sports body, music show or publisher that supplies content to our channels. */
@Entity
public class Partner extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Column(name = "display_name", nullable = false)
    public String displayName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerCategory category;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(2)[]")
    public List<String> territories;

    /** BCP 47 tags of the languages its content comes in. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(35)[]")
    public List<String> languages;

    @Column(name = "contact_email")
    public String contactEmail;

    public String website;

    /** Where the platform notifies the partner of moderation decisions, if it wants that. */
    @Column(name = "webhook_url")
    public String webhookUrl;

    @Column(name = "agreement_version")
    public String agreementVersion;

    @Column(name = "agreement_accepted_at")
    public Instant agreementAcceptedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PartnerStatus status;

    /** The partner's API client at the identity provider, once approved. */
    @Column(name = "client_id")
    public String clientId;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}

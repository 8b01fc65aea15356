package io.syndication.schedule.channel;

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

/** A round-the-clock channel, scheduled in its own time zone for the territories it is seen in. */
@Entity
public class Channel extends PanacheEntityBase {

    @Id
    public UUID id;

    /** DNS-like and unique; also the channel id in the XMLTV guide. */
    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    /** IANA zone id: local days of the guide are days in this zone. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "varchar(2)[]")
    public List<String> territories;

    /** Approved clips and programmes that fill gaps, in rotation order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "filler_content_ids", nullable = false, columnDefinition = "uuid[]")
    public List<UUID> fillerContentIds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ChannelStatus status;

    /** What becomes of a slot whose content may no longer air: filled over, or flagged. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HealingPolicy healing;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}

package io.syndication.schedule.channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.syndication.http.ConcurrentChange;
import io.syndication.http.ProblemException;
import io.syndication.http.PostgresErrors;

/** The rules for creating and changing channels. */
@ApplicationScoped
public class ChannelService {

    private final ChannelRepository channels;

    public ChannelService(ChannelRepository channels) {
        this.channels = channels;
    }

    /** Up to {@code limit} channels after the slug {@code afterSlug} (null for the first), in slug order. */
    public Uni<List<Channel>> listAfter(String afterSlug, int limit) {
        return channels.listAfter(afterSlug, limit);
    }

    /** The channel; a missing one is a 404. */
    public Uni<Channel> get(UUID id) {
        return channels.withId(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Channel " + id));
    }

    @WithTransaction
    public Uni<Channel> create(String slug, String name, String timeZone, List<String> territories,
            List<UUID> fillerContentIds, HealingPolicy healing) {
        return channels.slugTaken(slug).flatMap(taken -> {
            if (taken) {
                return Uni.createFrom().failure(ProblemException.conflict("A channel with slug '" + slug + "' already exists"));
            }
            Channel channel = new Channel();
            channel.id = UUID.randomUUID();
            channel.slug = slug;
            channel.name = name;
            channel.timeZone = timeZone;
            channel.territories = territories;
            channel.fillerContentIds = fillerContentIds == null ? List.of() : fillerContentIds;
            channel.status = ChannelStatus.ACTIVE;
            channel.healing = healing == null ? HealingPolicy.FILL : healing;
            channel.createdAt = Instant.now();
            return channels.persistAndFlush(channel);
        }).onFailure(PostgresErrors::isUniqueViolation)
                // a concurrent create of the same slug got there first
                .transform(e -> ProblemException.conflict("A channel with slug '" + slug + "' already exists"));
    }

    /**
     * Applies {@code change} to the channel if {@code expectedVersion} (when given) is still its
     * version, so that two operators editing at once never silently overwrite each other.
     */
    @WithTransaction
    public Uni<Channel> update(UUID id, Long expectedVersion, ChannelChange change) {
        return channels.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Channel " + id))
                .map(channel -> {
                    if (expectedVersion != null && expectedVersion != channel.version) {
                        throw ProblemException.staleVersion(channel.version);
                    }
                    change.applyTo(channel);
                    return channel;
                })
                .call(channels::flush)
                .onFailure(ConcurrentChange::isCauseOf).transform(e -> ConcurrentChange.problem("The channel"));
    }

    /** The fields of a channel an operator may change; null leaves a field as it is. */
    public record ChannelChange(String name, String timeZone, List<String> territories, List<UUID> fillerContentIds,
            ChannelStatus status, HealingPolicy healing) {

        void applyTo(Channel channel) {
            if (name != null) {
                channel.name = name;
            }
            if (timeZone != null) {
                channel.timeZone = timeZone;
            }
            if (territories != null) {
                channel.territories = territories;
            }
            if (fillerContentIds != null) {
                channel.fillerContentIds = fillerContentIds;
            }
            if (status != null) {
                channel.status = status;
            }
            if (healing != null) {
                channel.healing = healing;
            }
        }
    }
}

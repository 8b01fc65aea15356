package io.syndication.schedule.channel;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ChannelRepository implements PanacheRepositoryBase<Channel, UUID> {

    /** Up to {@code limit} channels after the slug {@code afterSlug} (null for the first), in slug order. */
    @WithSession
    public Uni<List<Channel>> listAfter(String afterSlug, int limit) {
        var query = afterSlug == null ? find("order by slug") : find("slug > ?1 order by slug", afterSlug);
        return query.range(0, limit - 1).list();
    }

    public Uni<Boolean> slugTaken(String slug) {
        return count("slug", slug).map(count -> count > 0);
    }

    /** The channel, read in a session of its own: for callers that do not run in one, such as a streamed guide. */
    @WithSession
    public Uni<Channel> withId(UUID id) {
        return findById(id);
    }

    /** The channels with these slugs, in the order asked for; a slug no channel has is left out. */
    @WithSession
    public Uni<List<Channel>> bySlugs(List<String> slugs) {
        return list("slug in ?1", slugs).map(found -> slugs.stream().distinct()
                .flatMap(slug -> found.stream().filter(channel -> channel.slug.equals(slug))).toList());
    }

    /** The first {@code limit} ACTIVE channels, in slug order. */
    @WithSession
    public Uni<List<Channel>> active(int limit) {
        return find("status = ?1 order by slug", ChannelStatus.ACTIVE).range(0, limit - 1).list();
    }
}

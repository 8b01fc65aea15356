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
}

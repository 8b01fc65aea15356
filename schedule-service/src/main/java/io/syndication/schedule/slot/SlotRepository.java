package io.syndication.schedule.slot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SlotRepository implements PanacheRepositoryBase<Slot, UUID> {

    /** Up to {@code count} of the channel's slots that end after {@code at}, in start order: on air now, then next. */
    @WithSession
    public Uni<List<Slot>> fromNow(UUID channelId, Instant at, int count) {
        return find("channelId = ?1 and endAt > ?2 order by startAt", channelId, at).range(0, count - 1).list();
    }
}

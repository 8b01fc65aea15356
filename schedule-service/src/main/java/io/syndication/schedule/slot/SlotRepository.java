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

    /** The channel's slots that overlap {@code [from, to)}, in start order. */
    @WithSession
    public Uni<List<Slot>> overlapping(UUID channelId, Instant from, Instant to) {
        return list("channelId = ?1 and startAt < ?3 and endAt > ?2 order by startAt", channelId, from, to);
    }
}

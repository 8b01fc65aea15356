package io.syndication.partner;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PartnerEventRepository implements PanacheRepositoryBase<PartnerEvent, UUID> {

    private final ObjectMapper json;

    public PartnerEventRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Records what happened to a partner; call it inside the transaction that made the change. */
    public Uni<PartnerEvent> record(UUID partnerId, String actor, String action, String reason,
            Map<String, PartnerChanges.Change> changes) {
        PartnerEvent event = new PartnerEvent();
        event.id = UUID.randomUUID();
        event.partnerId = partnerId;
        event.actor = actor;
        event.action = action;
        event.reason = reason;
        try {
            event.changes = json.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Changes could not be written as JSON", e);
        }
        // PostgreSQL keeps microseconds: the cursor of a page must name exactly what was stored
        event.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return persist(event);
    }

    /** Up to {@code limit} events of a partner, newest first, older than the event {@code after} names. */
    @WithSession
    public Uni<List<PartnerEvent>> newestFirst(UUID partnerId, Instant afterTime, UUID afterId, int limit) {
        Parameters parameters = Parameters.with("partner", partnerId);
        String query = "partnerId = :partner";
        if (afterTime != null) {
            query += " and (occurredAt < :time or (occurredAt = :time and id < :id))";
            parameters.and("time", afterTime).and("id", afterId);
        }
        return find(query + " order by occurredAt desc, id desc", parameters).range(0, limit - 1).list();
    }
}

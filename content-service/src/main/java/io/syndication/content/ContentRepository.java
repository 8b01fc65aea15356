package io.syndication.content;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ContentRepository implements PanacheRepositoryBase<ContentItem, UUID> {

    /** What a catalogue search narrows by; null fields do not narrow. */
    public record Search(UUID partnerId, ContentKind kind, ContentStatus status, String territory, String category,
            String language, Instant availableAt, String text) {
    }

    /**
     * Up to {@code limit} items the viewer may see that match {@code search}, in {@code order}, after
     * the position {@code after} (null for the first page). Native SQL: the free text goes through
     * PostgreSQL's full-text index, territories and categories through their GIN indexes.
     */
    @WithSession
    public Uni<List<ContentItem>> search(Viewer viewer, Search search, ContentOrder order, ContentOrder.Position after,
            int limit) {
        StringBuilder sql = new StringBuilder("SELECT id FROM content_item WHERE true");
        Map<String, Object> parameters = new LinkedHashMap<>();
        visibleTo(viewer, sql, parameters);
        condition(sql, parameters, "partner_id = :partner", "partner", search.partnerId());
        condition(sql, parameters, "kind = :kind", "kind", search.kind() == null ? null : search.kind().name());
        condition(sql, parameters, "status = :status", "status", search.status() == null ? null : search.status().name());
        condition(sql, parameters, "territories @> ARRAY[CAST(:territory AS varchar)]", "territory", search.territory());
        condition(sql, parameters, "categories @> ARRAY[CAST(:category AS varchar)]", "category", search.category());
        condition(sql, parameters, "language = :language", "language", search.language());
        condition(sql, parameters, "available_from <= :at AND (available_until IS NULL OR available_until > :at)", "at",
                search.availableAt());
        condition(sql, parameters, "search @@ websearch_to_tsquery('simple', :text)", "text",
                search.text() == null || search.text().isBlank() ? null : search.text());
        String direction = order.descending() ? "DESC" : "ASC";
        if (after != null) {
            String comparison = order.descending() ? "<" : ">";
            if (order.column() == null) {
                condition(sql, parameters, "id " + comparison + " :afterId", "afterId", after.id());
            } else {
                parameters.put("afterValue", after.value());
                condition(sql, parameters, "(" + order.column() + ", id) " + comparison + " (:afterValue, :afterId)",
                        "afterId", after.id());
            }
        }
        String orderBy = (order.column() == null ? "" : order.column() + " " + direction + ", ") + "id " + direction;
        // the limit is bound, so the statement's text depends only on which filters are set: Hibernate
        // then holds one plan per combination instead of one per page size asked for
        sql.append(" ORDER BY ").append(orderBy).append(" LIMIT :limit");
        parameters.put("limit", limit);
        // the native query finds the page's ids on the indexes; the entities are then read by id
        return ids(sql, parameters).flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<ContentItem>of())
                : list("id in ?1", ids).map(rows -> inOrderOf(ids, rows)));
    }

    private Uni<List<UUID>> ids(StringBuilder sql, Map<String, Object> parameters) {
        return getSession().flatMap(session -> {
            var query = session.createNativeQuery(sql.toString(), UUID.class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }

    /**
     * Who sees what, as a search's condition: a partner its own items, an operator approved ones, an
     * admin all ({@link #sees} holds an item already read to the same rule).
     */
    private static void visibleTo(Viewer viewer, StringBuilder sql, Map<String, Object> parameters) {
        if (viewer instanceof Viewer.Partner partner) {
            condition(sql, parameters, "partner_id = :viewer", "viewer", partner.partnerId());
        } else if (viewer instanceof Viewer.Operator) {
            condition(sql, parameters, "status = :visible", "visible", ContentStatus.APPROVED.name());
        }
    }

    private static List<ContentItem> inOrderOf(List<UUID> ids, List<ContentItem> rows) {
        Map<UUID, ContentItem> byId = new LinkedHashMap<>();
        rows.forEach(row -> byId.put(row.id, row));
        return ids.stream().map(byId::get).toList();
    }

    private static void condition(StringBuilder sql, Map<String, Object> parameters, String clause, String name,
            Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            parameters.put(name, value);
        }
    }

    /**
     * The item, or null when it does not exist or the viewer may not see it: the two are never told
     * apart. Read by its key (no native statement: Hibernate keeps a new plan for each of those it
     * runs, and looking them up cost a fifth of a read's time), then held to {@link #visibleTo}'s rule.
     */
    @WithSession
    public Uni<ContentItem> findVisible(Viewer viewer, UUID id) {
        return findById(id).map(item -> item != null && sees(viewer, item) ? item : null);
    }

    /** {@link #visibleTo}'s rule for one item already read. */
    private static boolean sees(Viewer viewer, ContentItem item) {
        if (viewer instanceof Viewer.Partner partner) {
            return item.partnerId.equals(partner.partnerId());
        }
        return !(viewer instanceof Viewer.Operator) || item.status == ContentStatus.APPROVED;
    }

    /**
     * Holds the partner's external id until the transaction ends: requests sending the same new item
     * take turns, so a later one finds the item an earlier one made instead of inserting a second.
     */
    public Uni<Void> lockExternalId(UUID partnerId, String externalId) {
        return getSession().flatMap(session -> session
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(:key, 0))", Integer.class)
                .setParameter("key", partnerId + "/" + externalId)
                .getSingleResult())
                .replaceWithVoid();
    }

    /** Writes one step of an item's moderation history; call it inside the transaction that made it. */
    public Uni<ContentEvent> recordEvent(UUID contentId, String actor, String action, ContentStatus from,
            ContentStatus to, String reason) {
        ContentEvent event = new ContentEvent();
        event.id = UUID.randomUUID();
        event.contentId = contentId;
        event.actor = actor;
        event.action = action;
        event.fromStatus = from;
        event.toStatus = to;
        event.reason = reason;
        event.occurredAt = ContentService.now();
        return event.persist();
    }

    /** An item's moderation history, oldest first. */
    @WithSession
    public Uni<List<ContentEvent>> history(UUID contentId) {
        return ContentEvent.find("contentId = ?1 order by occurredAt, id", contentId).list();
    }
}

package io.syndication.partner;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, UUID> {

    /** What an admin narrows the partner list by; null fields do not narrow. */
    public record Filter(PartnerStatus status, PartnerCategory category, String territory, String text) {
    }

    /** Up to {@code limit} partners matching {@code filter} after the slug {@code afterSlug} (null for the first), in slug order. */
    @WithSession
    public Uni<List<Partner>> listAfter(Filter filter, String afterSlug, int limit) {
        StringBuilder query = new StringBuilder("from Partner where 1 = 1");
        Parameters parameters = new Parameters();
        if (filter.status() != null) {
            query.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.category() != null) {
            query.append(" and category = :category");
            parameters.and("category", filter.category());
        }
        if (filter.territory() != null) {
            query.append(" and array_contains(territories, :territory)");
            parameters.and("territory", filter.territory());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            query.append(" and (lower(legalName) like :text or lower(displayName) like :text or slug like :text)");
            parameters.and("text", "%" + filter.text().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (afterSlug != null) {
            query.append(" and slug > :after");
            parameters.and("after", afterSlug);
        }
        return find(query.append(" order by slug").toString(), parameters).range(0, limit - 1).list();
    }

    /** The partner's status, or null if there is no such partner. */
    @WithSession
    public Uni<PartnerStatus> statusOf(UUID id) {
        return find("select status from Partner where id = ?1", id).project(PartnerStatus.class).firstResult();
    }

    public Uni<Boolean> slugTaken(String slug) {
        return count("slug", slug).map(count -> count > 0);
    }

    /**
     * Takes the partner's lifecycle lock on this session's connection, or answers false at once if
     * another request holds it: a change at the identity provider and its record in the database
     * then happen for one request at a time. A session-level advisory lock, so it spans the
     * identity provider's call between two transactions, and dies with the connection.
     */
    public Uni<Boolean> tryLockLifecycle(UUID id) {
        return lifecycleLock("pg_try_advisory_lock", id);
    }

    public Uni<Void> unlockLifecycle(UUID id) {
        return lifecycleLock("pg_advisory_unlock", id).replaceWithVoid();
    }

    /** Partners that have, or had, a client at the identity provider. */
    public Uni<List<Partner>> withClients() {
        return list("clientId is not null order by slug");
    }

    /** Calls one of PostgreSQL's session advisory-lock functions on the partner's lifecycle key. */
    private Uni<Boolean> lifecycleLock(String function, UUID id) {
        return getSession().flatMap(session -> session
                .createNativeQuery("select " + function + "(hashtextextended(:key, 0))", Boolean.class)
                .setParameter("key", "partner-lifecycle:" + id).getSingleResult());
    }
}

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

    /** Up to {@code limit} partners after the slug {@code afterSlug} (null for the first), in slug order. */
    @WithSession
    public Uni<List<Partner>> listAfter(PartnerStatus status, String afterSlug, int limit) {
        StringBuilder query = new StringBuilder("from Partner where 1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (afterSlug != null) {
            query.append(" and slug > :after");
            parameters.and("after", afterSlug);
        }
        return find(query.append(" order by slug").toString(), parameters).range(0, limit - 1).list();
    }
}

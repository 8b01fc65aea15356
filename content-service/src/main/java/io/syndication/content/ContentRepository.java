package io.syndication.content;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ContentRepository implements PanacheRepositoryBase<ContentItem, UUID> {

    /** Up to {@code limit} items the viewer may see, after the id {@code afterId} (null for the first), in id order. */
    @WithSession
    public Uni<List<ContentItem>> listVisible(Viewer viewer, UUID afterId, int limit) {
        Parameters parameters = new Parameters();
        String query = "from ContentItem where " + visibleTo(viewer, parameters);
        if (afterId != null) {
            query += " and id > :after";
            parameters.and("after", afterId);
        }
        return find(query + " order by id", parameters).range(0, limit - 1).list();
    }

    /** The item, or null when it does not exist or the viewer may not see it: the two are never told apart. */
    @WithSession
    public Uni<ContentItem> findVisible(Viewer viewer, UUID id) {
        Parameters parameters = Parameters.with("id", id);
        return find("from ContentItem where id = :id and " + visibleTo(viewer, parameters), parameters).firstResult();
    }

    private static String visibleTo(Viewer viewer, Parameters parameters) {
        if (viewer instanceof Viewer.Partner partner) {
            parameters.and("partnerId", partner.partnerId());
            return "partnerId = :partnerId";
        }
        if (viewer instanceof Viewer.Operator) {
            parameters.and("approved", ContentStatus.APPROVED);
            return "status = :approved";
        }
        return "1 = 1";
    }
}

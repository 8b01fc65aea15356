package io.syndication.schedule.content;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.syndication.http.ProblemException;
import io.syndication.http.ProblemType;

/**
 * What scheduling knows of content: asked of content-service with the operator's own token, a
 * failure to answer being the platform's 503 (with Retry-After), never a guess about the content.
 */
@ApplicationScoped
public class ContentCatalogue {

    /** How many content items are asked about at once when a window names many. */
    private static final int CONCURRENT_LOOKUPS = 8;

    private final ContentClient content;

    ContentCatalogue(ContentClient content) {
        this.content = content;
    }

    /** The item's standing for a channel airing in {@code territories} (the first one is asked about its partner). */
    public Uni<ContentStanding> standing(UUID contentId, List<String> territories) {
        return content.find(contentId)
                .flatMap(item -> item == null ? Uni.createFrom().item(new ContentStanding(contentId, null, false))
                        : content.reasonsAgainst(contentId, Instant.now(), territories.get(0))
                                .map(reasons -> new ContentStanding(contentId, item,
                                        !reasons.contains(Unavailability.PARTNER_INACTIVE))))
                .onFailure().transform(ContentCatalogue::contentServiceDown);
    }

    /** Each distinct item's standing, by id. */
    public Uni<Map<UUID, ContentStanding>> standings(Collection<UUID> contentIds, List<String> territories) {
        return Multi.createFrom().iterable(new LinkedHashSet<>(contentIds))
                .onItem().transformToUni(id -> standing(id, territories)).merge(CONCURRENT_LOOKUPS)
                .collect().asMap(ContentStanding::contentId);
    }

    private static ProblemException contentServiceDown(Throwable failure) {
        return failure instanceof ProblemException problem ? problem
                : ProblemType.CONTENT_SERVICE_UNAVAILABLE.exception(
                        "content-service cannot confirm the content right now; retry shortly");
    }
}

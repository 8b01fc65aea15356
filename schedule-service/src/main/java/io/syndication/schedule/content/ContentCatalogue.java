package io.syndication.schedule.content;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.syndication.http.ProblemException;
import io.syndication.http.ProblemType;

/**
 * What scheduling knows of content. Windows (validation, filling, a push's rights, a whole window
 * replaced) read the local view kept from content-service's and partner-service's events, in one
 * query, and ask content-service only about the items the view does not hold (older than the events,
 * or not caught up yet). Placing one slot confirms its item with content-service itself, since the view
 * lags the events a little. content-service is asked with the operator's own token; a failure to
 * answer is the platform's 503 (with Retry-After), never a guess about the content.
 */
@ApplicationScoped
public class ContentCatalogue {

    /** How many content items are asked about at once when a window names many. */
    private static final int CONCURRENT_LOOKUPS = 8;

    private final ContentClient content;
    private final CatalogueView view;

    ContentCatalogue(ContentClient content, CatalogueView view) {
        this.content = content;
        this.view = view;
    }

    /**
     * The item's standing for a channel airing in {@code territories} (the first one is asked about its
     * partner), as content-service says it now: for the item a placement puts on the schedule.
     */
    public Uni<ContentStanding> confirmed(UUID contentId, List<String> territories) {
        return content.find(contentId)
                .flatMap(item -> item == null ? Uni.createFrom().item(new ContentStanding(contentId, null, false))
                        : content.reasonsAgainst(contentId, Instant.now(), territories.get(0))
                                .map(reasons -> new ContentStanding(contentId, item,
                                        !reasons.contains(Unavailability.PARTNER_INACTIVE))))
                .onFailure().transform(ContentCatalogue::contentServiceDown);
    }

    /**
     * Each distinct item's standing, by id: from the local view for every item it holds with its
     * partner, from content-service for the rest. As an operator sees it: an item not APPROVED has none
     * (content-service does not show it to an operator).
     */
    public Uni<Map<UUID, ContentStanding>> standings(Collection<UUID> contentIds, List<String> territories) {
        return standings(contentIds, territories, false);
    }

    /**
     * Each distinct item's standing for placing it, by id: as {@link #standings}, but an item the view
     * says may not be placed (not approved, or its partner not active) is confirmed with content-service,
     * since the view may not have caught up with a re-approval or a reinstatement yet.
     */
    public Uni<Map<UUID, ContentStanding>> placeable(Collection<UUID> contentIds, List<String> territories) {
        return standings(contentIds, territories, true);
    }

    private Uni<Map<UUID, ContentStanding>> standings(Collection<UUID> contentIds, List<String> territories,
            boolean confirmRefusals) {
        Set<UUID> ids = new LinkedHashSet<>(contentIds);
        return view.known(ids).flatMap(known -> {
            Map<UUID, ContentStanding> standings = new HashMap<>();
            Set<UUID> unknown = new LinkedHashSet<>();
            for (UUID id : ids) {
                ContentStanding standing = standingOf(id, known.get(id));
                if (standing == null || confirmRefusals && (standing.item() == null || !standing.partnerActive())) {
                    unknown.add(id);
                } else {
                    standings.put(id, standing);
                }
            }
            if (unknown.isEmpty()) {
                return Uni.createFrom().item(standings);
            }
            return Multi.createFrom().iterable(unknown)
                    .onItem().transformToUni(id -> confirmed(id, territories)).merge(CONCURRENT_LOOKUPS)
                    .collect().in(() -> standings, (all, standing) -> all.put(standing.contentId(), standing));
        });
    }

    /**
     * The standing the view gives, as content-service would show it to an operator; null when the view
     * cannot tell: it does not hold the item, or holds an approved one without knowing its partner.
     */
    static ContentStanding standingOf(UUID id, CatalogueView.Known known) {
        if (known == null) {
            return null;
        }
        if (known.item().status() != ContentStatus.APPROVED) {
            return new ContentStanding(id, null, false);
        }
        if (known.partnerStatus() == null) {
            return null;
        }
        return new ContentStanding(id, known.item(), known.partnerStatus() == PartnerStatus.ACTIVE);
    }

    private static ProblemException contentServiceDown(Throwable failure) {
        return failure instanceof ProblemException problem ? problem
                : ProblemType.CONTENT_SERVICE_UNAVAILABLE.exception(
                        "content-service cannot confirm the content right now; retry shortly");
    }
}

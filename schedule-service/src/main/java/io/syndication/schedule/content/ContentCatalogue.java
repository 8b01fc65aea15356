package io.syndication.schedule.content;

import java.time.Instant;
import java.util.ArrayList;
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
 * or not caught up yet), all of them in one call; what it answers is kept in the view, so each such
 * item is asked about once. Placing a slot confirms its item with content-service itself, since the
 * view lags the events a little. content-service is asked with the operator's own token; a failure to
 * answer is the platform's 503 (with Retry-After), never a guess about the content.
 */
@ApplicationScoped
public class ContentCatalogue {

    private final ContentClient content;
    private final CatalogueView view;

    ContentCatalogue(ContentClient content, CatalogueView view) {
        this.content = content;
        this.view = view;
    }

    /**
     * Each distinct item's standing for a channel airing in {@code territories} (the first one is asked
     * about its partner), by id, as content-service says it now, in one call per
     * {@value ContentRestClient#MOST_ITEMS} items: for the items a placement puts on the schedule.
     */
    public Uni<Map<UUID, ContentStanding>> confirmed(Collection<UUID> contentIds, List<String> territories) {
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(contentIds));
        Instant now = Instant.now();
        List<List<UUID>> calls = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += ContentRestClient.MOST_ITEMS) {
            calls.add(ids.subList(from, Math.min(ids.size(), from + ContentRestClient.MOST_ITEMS)));
        }
        return Multi.createFrom().iterable(calls)
                .onItem().transformToUniAndConcatenate(call -> content.availability(call, now, territories.get(0)))
                .collect().in(ArrayList<ContentRestClient.Availability>::new, List::addAll)
                .onFailure().transform(ContentCatalogue::contentServiceDown)
                .flatMap(answers -> view.remember(answers).map(remembered -> {
                    Map<UUID, ContentStanding> standings = new HashMap<>();
                    // an item left out of the answer is one the operator may not see: not, or no longer, APPROVED
                    ids.forEach(id -> standings.put(id, new ContentStanding(id, null, false)));
                    answers.forEach(answer -> standings.put(answer.content().id(), new ContentStanding(answer.content().id(),
                            answer.content().asOf(answer.sequence()), !answer.reasons().contains(Unavailability.PARTNER_INACTIVE))));
                    return standings;
                }));
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
            return confirmed(unknown, territories).map(confirmed -> {
                standings.putAll(confirmed);
                return standings;
            });
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

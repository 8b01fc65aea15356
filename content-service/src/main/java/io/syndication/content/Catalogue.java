package io.syndication.content;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.syndication.content.client.PartnerClient;
import io.syndication.content.client.PartnerStanding;
import io.syndication.http.ProblemException;

/**
 * What a caller may do with the catalogue: read it through its own eyes ({@link Viewer}), and, as a
 * partner, send items, each checked against the territories partner-service says the partner is
 * licensed for. The rules of each change are {@link ContentService}'s.
 */
@ApplicationScoped
public class Catalogue {

    /** How an edit makes an item's new fields from its current ones; {@code externalId} is the item's own. */
    @FunctionalInterface
    public interface Edit {
        ContentFields apply(String externalId, ContentFields current);
    }

    private final ContentRepository items;
    private final ContentService rules;
    private final Ingest ingest;
    private final PartnerClient partners;

    public Catalogue(ContentRepository items, ContentService rules, Ingest ingest, PartnerClient partners) {
        this.items = items;
        this.rules = rules;
        this.ingest = ingest;
        this.partners = partners;
    }

    public Uni<List<ContentItem>> search(Viewer viewer, ContentRepository.Search search, ContentOrder order,
            ContentOrder.Position after, int limit) {
        return items.search(viewer, search, order, after, limit);
    }

    /** The item, or a 404 problem when it does not exist or the viewer may not see it. */
    public Uni<ContentItem> visible(Viewer viewer, UUID id) {
        return items.findVisible(viewer, id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Content item " + id));
    }

    public Uni<List<ContentEvent>> history(Viewer viewer, UUID id) {
        return visible(viewer, id).flatMap(item -> items.history(item.id));
    }

    /** Every reason the item may not air in {@code territory} at {@code at}; none means it may. */
    public Uni<List<Availability.Reason>> reasonsAgainst(Viewer viewer, UUID id, Instant at, String territory) {
        return visible(viewer, id).flatMap(item -> partnerActive(viewer, item.partnerId)
                .map(active -> Availability.reasonsAgainst(item, at, territory, active)));
    }

    /** Whether the partner of an item the viewer sees is ACTIVE: a partner asks about itself, staff about any. */
    private Uni<Boolean> partnerActive(Viewer viewer, UUID partnerId) {
        return viewer instanceof Viewer.Partner ? partners.standing(partnerId).map(PartnerStanding::active)
                : partners.isActive(partnerId);
    }

    /** One item of {@link #availability}: the item, the sequence of its last event, and every reason it may not air. */
    public record Standing(ContentItem item, long sequence, List<Availability.Reason> reasons) {
    }

    /**
     * Those of {@code ids} the viewer may see, each with every reason it may not air in {@code territory}
     * at {@code at}: one read of the items, and one question per distinct partner (remembered 30 s).
     */
    public Uni<List<Standing>> availability(Viewer viewer, Collection<UUID> ids, Instant at, String territory) {
        return items.findVisible(viewer, new LinkedHashSet<>(ids)).flatMap(visible -> Multi.createFrom()
                .iterable(visible.stream().map(announced -> announced.item().partnerId).distinct().toList())
                .onItem().transformToUniAndConcatenate(partnerId -> partnerActive(viewer, partnerId)
                        .map(active -> Map.entry(partnerId, active)))
                .collect().asMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(active -> visible.stream().map(announced -> new Standing(announced.item(), announced.sequence(),
                        Availability.reasonsAgainst(announced.item(), at, territory, active.get(announced.item().partnerId))))
                        .toList()));
    }

    /** A new DRAFT item; a partner's external id names one item only (409 for a second). */
    public Uni<ContentItem> create(Viewer.Partner partner, String externalId, ContentFields fields) {
        return licensed(partner).flatMap(territories -> ingest.one(partner.partnerId(), new Ingest.Sent(externalId, fields, null),
                Ingest.Mode.CREATE_ONLY, territories, partner.actor()))
                .flatMap(Ingest.Written::orProblem).map(Ingest.Written::item);
    }

    /**
     * Creates or updates the item the partner knows as {@code externalId}: the same item sent twice
     * changes nothing, and never makes a second one.
     */
    public Uni<Ingest.Written> upsert(Viewer.Partner partner, String externalId, ContentFields fields) {
        return licensed(partner).flatMap(territories -> ingest.one(partner.partnerId(), new Ingest.Sent(externalId, fields, null),
                Ingest.Mode.CREATE_OR_UPDATE, territories, partner.actor()))
                .flatMap(Ingest.Written::orProblem);
    }

    /** Each item created or updated by its external id as if sent on its own, in order (see {@link Ingest#batch}). */
    public Uni<List<Ingest.Written>> batch(Viewer.Partner partner, List<Ingest.Sent> batch) {
        return licensed(partner).flatMap(territories -> ingest.batch(partner.partnerId(), batch, territories, partner.actor()));
    }

    public Uni<ContentItem> edit(Viewer.Partner partner, UUID id, Long expectedVersion, Edit edit) {
        return visible(partner, id).flatMap(item -> licensed(partner).flatMap(territories -> rules.edit(item.id,
                expectedVersion, current -> edit.apply(item.externalId, current), territories, partner.actor())));
    }

    public Uni<ContentItem> perform(Viewer viewer, UUID id, ContentAction action, String reason, Long version) {
        return visible(viewer, id).flatMap(item -> rules.perform(item.id, action, reason, version, viewer.actor()));
    }

    /** The territories the partner is licensed for, as partner-service says now (or said within 30 s). */
    private Uni<List<String>> licensed(Viewer.Partner partner) {
        return partners.standing(partner.partnerId()).map(PartnerStanding::territories);
    }
}

package io.syndication.content;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.syndication.content.rest.ContentView;
import io.syndication.events.Outbox;
import io.syndication.http.ConcurrentChange;
import io.syndication.http.Problem;
import io.syndication.http.ProblemException;
import io.syndication.http.ProblemType;

/**
 * The rules of the catalogue: items belong to the partner whose token created them, carry only
 * territories that partner is licensed for, and go through moderation before any channel may air
 * them. Every status change is written to the item's history in the same transaction.
 */
@ApplicationScoped
public class ContentService {

    private final ContentRepository items;
    private final Outbox outbox;

    public ContentService(ContentRepository items, Outbox outbox) {
        this.items = items;
        this.outbox = outbox;
    }

    /**
     * Edits an item: {@code edit} makes its new fields from those of the version read here, and that
     * version is the one the write replaces, so no concurrent write is lost. {@code expectedVersion},
     * the caller's If-Match (null without one), must be that version (412 when it is not).
     */
    @WithTransaction
    public Uni<ContentItem> edit(UUID id, Long expectedVersion, UnaryOperator<ContentFields> edit, List<String> licensed,
            String actor) {
        return items.findById(id).flatMap(item -> {
            if (expectedVersion != null && expectedVersion != item.version) {
                return Uni.createFrom().<ContentItem>failure(ProblemException.staleVersion(item.version));
            }
            if (item.status == ContentStatus.RETIRED) {
                return Uni.createFrom().<ContentItem>failure(
                        ProblemException.conflict("The item is RETIRED; it can no longer be edited"));
            }
            ContentFields fields = edit.apply(ContentFields.of(item));
            ProblemException unlicensed = unlicensedTerritories(fields, licensed);
            return unlicensed != null ? Uni.createFrom().<ContentItem>failure(unlicensed) : change(item, fields, actor);
        }).onFailure(ConcurrentChange::isCauseOf).transform(e -> lostRace(expectedVersion));
    }

    /**
     * Moves an item through moderation; 409 naming the current status when the move is not allowed.
     * {@code version} (If-Match) is required to approve or reject: the verdict holds for the version the
     * moderator reviewed, and is refused (412) once the item has changed since.
     */
    @WithTransaction
    public Uni<ContentItem> perform(UUID id, ContentAction action, String reason, Long version, String actor) {
        if (action.needsReason() && (reason == null || reason.isBlank())) {
            return Uni.createFrom().failure(ProblemException.invalidField("reason",
                    "is required to " + action.name().toLowerCase() + " an item"));
        }
        if (action.judgesAVersion() && version == null) {
            return Uni.createFrom().failure(ProblemType.IF_MATCH_REQUIRED.exception(
                    "Send the ETag of the version you reviewed in If-Match to " + action.name().toLowerCase() + " an item"));
        }
        return items.findById(id).flatMap(item -> {
            if (version != null && version != item.version) {
                return Uni.createFrom().<ContentItem>failure(ProblemException.staleVersion(item.version));
            }
            if (!action.allowedFrom(item.status)) {
                return Uni.createFrom().<ContentItem>failure(ProblemType.ILLEGAL_TRANSITION.exception(
                        "The item is " + item.status + "; " + action.name().toLowerCase() + " is not allowed from that status"));
            }
            ContentStatus from = item.status;
            item.status = action.result();
            item.reason = action == ContentAction.REJECT ? reason : item.reason;
            item.updatedAt = now();
            return items.recordEvent(item.id, actor, action.name(), from, item.status, reason)
                    .flatMap(event -> items.flush())
                    .flatMap(flushed -> announce(action.eventType(), item, List.of()))
                    .replaceWith(item);
        }).onFailure(ConcurrentChange::isCauseOf).transform(e -> lostRace(version));
    }

    /** A new DRAFT item of the partner's, known to it as {@code externalId}. */
    static ContentItem draft(UUID partnerId, String externalId, ContentFields fields) {
        ContentItem item = new ContentItem();
        item.id = UUID.randomUUID();
        item.partnerId = partnerId;
        item.externalId = externalId;
        fields.applyTo(item);
        item.status = ContentStatus.DRAFT;
        item.createdAt = now();
        item.updatedAt = item.createdAt;
        return item;
    }

    /** What an update did to an item: the step its history records, and what its content.changed event names. */
    record Revision(String action, ContentStatus from, List<String> changes) {
    }

    /** Gives {@code item} its new {@code fields}: an edit to anything an approved item was reviewed for sends it back to moderation. */
    static Revision revise(ContentItem item, ContentFields fields) {
        boolean backToModeration = item.status == ContentStatus.APPROVED
                && ContentFields.of(item).changesReviewOf(fields);
        Revision revision = new Revision(backToModeration ? "RESUBMITTED_BY_EDIT" : "UPDATED", item.status,
                ContentFields.of(item).changesIn(fields));
        fields.applyTo(item);
        item.updatedAt = now();
        if (backToModeration) {
            item.status = ContentStatus.SUBMITTED;
        }
        return revision;
    }

    private Uni<ContentItem> change(ContentItem item, ContentFields fields, String actor) {
        Revision revision = revise(item, fields);
        return items.recordEvent(item.id, actor, revision.action(), revision.from(), item.status, null)
                .flatMap(event -> items.flush())
                .flatMap(flushed -> revision.changes().isEmpty() ? Uni.createFrom().voidItem()
                        : announce("content.changed", item, revision.changes()))
                .replaceWith(item);
    }

    /** The event of a change to {@code item}, in the change's transaction, once its new version is written. */
    private Uni<Void> announce(String type, ContentItem item, List<String> changes) {
        Outbox.Announcement event = event(type, item, changes);
        return outbox.announce(event.type(), event.subject(), event.partnerId(), event.data());
    }

    /** The event of a change to {@code item}: the item as it is now, and what changed (for content.changed). */
    static Outbox.Announcement event(String type, ContentItem item, List<String> changes) {
        return new Outbox.Announcement(type, item.id, item.partnerId, new ContentChange(ContentView.of(item), changes));
    }

    /** A 400 listing each territory the partner is not licensed for, or null when there is none. */
    static ProblemException unlicensedTerritories(ContentFields fields, List<String> licensed) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < fields.territories().size(); i++) {
            if (!licensed.contains(fields.territories().get(i))) {
                violations.add(new Problem.Violation("territories[" + i + "]",
                        "is not one of your partner's territories " + licensed));
            }
        }
        return violations.isEmpty() ? null : new ProblemException(ProblemType.VALIDATION.problem(
                "The item names territories your partner is not licensed for").withViolations(violations));
    }

    /** A write that lost a race on the item's version: 412 when the caller named the version (If-Match), else 409. */
    private static ProblemException lostRace(Long expectedVersion) {
        return expectedVersion == null ? ConcurrentChange.problem("The item")
                : ProblemType.STALE_VERSION.exception("The item was changed by "
                        + "another request since the version If-Match names; read it again and retry");
    }

    /** PostgreSQL keeps microseconds; instants are compared after a round trip. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

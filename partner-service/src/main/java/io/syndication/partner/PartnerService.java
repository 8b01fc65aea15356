package io.syndication.partner;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.syndication.events.Outbox;
import io.syndication.http.ConcurrentChange;
import io.syndication.http.ProblemException;
import io.syndication.http.ProblemType;
import io.syndication.partner.config.AgreementConfig;
import io.syndication.partner.credentials.IssuedCredentials;
import io.syndication.partner.credentials.PartnerCredentials;
import io.syndication.partner.rest.PartnerView;
import io.syndication.partner.webhooks.WebhookService;
import io.syndication.partner.webhooks.WebhookSubscription;
import io.syndication.http.PostgresErrors;

/**
 * The rules of onboarding and the partner lifecycle. Every change writes its audit event in the
 * same transaction; changes at the identity provider happen first and are undone if the database
 * change then fails, so a partner's status and its client's state never disagree for long.
 */
@ApplicationScoped
public class PartnerService {

    private final PartnerRepository partners;
    private final PartnerEventRepository events;
    private final PartnerCredentials credentials;
    private final AgreementConfig agreement;
    private final Outbox outbox;
    private final WebhookService webhooks;

    public PartnerService(PartnerRepository partners, PartnerEventRepository events, PartnerCredentials credentials,
            AgreementConfig agreement, Outbox outbox, WebhookService webhooks) {
        this.partners = partners;
        this.events = events;
        this.credentials = credentials;
        this.agreement = agreement;
        this.outbox = outbox;
        this.webhooks = webhooks;
    }

    /** Up to {@code limit} partners narrowed by {@code filter}, in slug order after {@code afterSlug} (null for the first). */
    public Uni<List<Partner>> list(PartnerRepository.Filter filter, String afterSlug, int limit) {
        return partners.listAfter(filter, afterSlug, limit);
    }

    /** The partner, or a 404 problem. */
    @WithSession
    public Uni<Partner> find(UUID id) {
        return existing(id);
    }

    /**
     * Up to {@code limit} of a partner's audit events, newest first, after the event at {@code afterTime}
     * with {@code afterId} (both null for the newest); a 404 problem for a partner that does not exist.
     */
    @WithSession
    public Uni<List<PartnerEvent>> events(UUID id, Instant afterTime, UUID afterId, int limit) {
        return existing(id).flatMap(partner -> events.newestFirst(id, afterTime, afterId, limit));
    }

    /**
     * Records an application: a new partner in status APPLIED. A slug whose client id already names a
     * client at the identity provider (the platform's own, say) is refused now, not at approval.
     */
    public Uni<Partner> apply(Partner applicant, String acceptedAgreementVersion, String actor) {
        if (!agreement.version().equals(acceptedAgreementVersion)) {
            return Uni.createFrom().failure(ProblemException.invalidField("agreementVersion",
                    "must be the current agreement version " + agreement.version()
                            + " (GET /api/v1/applications/agreement)"));
        }
        return credentials.clientIdTaken(applicant.slug).flatMap(taken -> taken
                ? Uni.createFrom().failure(PartnerCredentials.clientIdTakenProblem(applicant.slug))
                : record(applicant, acceptedAgreementVersion, actor));
    }

    @WithTransaction
    Uni<Partner> record(Partner applicant, String acceptedAgreementVersion, String actor) {
        Instant now = Instant.now();
        applicant.id = UUID.randomUUID();
        applicant.status = PartnerStatus.APPLIED;
        applicant.agreementVersion = acceptedAgreementVersion;
        applicant.agreementAcceptedAt = now;
        applicant.createdAt = now;
        applicant.updatedAt = now;
        return partners.slugTaken(applicant.slug)
                .flatMap(taken -> taken ? Uni.createFrom().failure(slugTaken(applicant.slug))
                        : partners.persistAndFlush(applicant))
                .onFailure(PostgresErrors::isUniqueViolation).transform(e -> slugTaken(applicant.slug))
                .call(partner -> events.record(partner.id, actor, "APPLIED", null,
                        PartnerChanges.between(Map.of(), PartnerChanges.snapshot(partner))))
                .call(partner -> announce("partner.applied", partner, null));
    }

    /** Edits a partner if {@code expectedVersion} (when given) is still its version. */
    @WithTransaction
    public Uni<Partner> edit(UUID id, Long expectedVersion, PartnerEdit edit, String actor) {
        return existing(id).flatMap(partner -> {
            if (expectedVersion != null && expectedVersion != partner.version) {
                return Uni.createFrom().failure(ProblemException.staleVersion(partner.version));
            }
            Map<String, Object> before = PartnerChanges.snapshot(partner);
            edit.applyTo(partner);
            Map<String, PartnerChanges.Change> changes = PartnerChanges.between(before, PartnerChanges.snapshot(partner));
            if (changes.isEmpty()) {
                return Uni.createFrom().item(partner);
            }
            partner.updatedAt = Instant.now();
            return events.record(id, actor, "UPDATED", null, changes)
                    .flatMap(event -> partners.flush())
                    .replaceWith(partner);
        }).onFailure(ConcurrentChange::isCauseOf).transform(e -> ConcurrentChange.problem("The partner"));
    }

    /**
     * The outcome of a lifecycle action: the partner and, when it was approved, its new credentials and
     * the webhook subscription made from its application's webhook URL (null without one).
     */
    public record Transition(Partner partner, IssuedCredentials credentials, WebhookSubscription webhook) {
    }

    /**
     * Moves a partner through its lifecycle. Approval creates its API client; suspension and
     * termination disable it, so no new token can be had; reinstatement enables it again. One
     * change of a partner at a time: a racing one is a 409, so the identity provider and the
     * database never end up disagreeing.
     */
    @WithSession
    public Uni<Transition> perform(UUID id, PartnerAction action, String reason, String actor) {
        if (action.needsReason() && (reason == null || reason.isBlank())) {
            return Uni.createFrom().failure(ProblemException.invalidField("reason",
                    "is required to " + action.name().toLowerCase() + " a partner"));
        }
        return exclusively(id, () -> existing(id).flatMap(partner -> {
            checkAllowed(partner, action);
            return switch (action) {
                case APPROVE -> credentials.issue(partner.id, partner.slug, partner.displayName)
                        .flatMap(issued -> approve(id, actor, issued)
                                .onFailure().call(() -> credentials.setEnabled(partner.id, issued.clientId(), false)));
                case SUSPEND, TERMINATE -> atIdentityProvider(partner, false)
                        .flatMap(ignored -> record(id, action, reason, actor, partner.clientId))
                        .onFailure().call(() -> atIdentityProvider(partner, true))
                        .map(changed -> new Transition(changed, null, null));
                case REINSTATE -> atIdentityProvider(partner, true)
                        .flatMap(ignored -> record(id, action, reason, actor, partner.clientId))
                        .onFailure().call(() -> atIdentityProvider(partner, false))
                        .map(changed -> new Transition(changed, null, null));
                case REJECT -> record(id, action, reason, actor, partner.clientId)
                        .map(changed -> new Transition(changed, null, null));
            };
        }));
    }

    /** A new secret for an active partner's client; the old one stops working at once. */
    @WithSession
    public Uni<IssuedCredentials> rotateCredentials(UUID id, String actor) {
        return exclusively(id, () -> existing(id).flatMap(partner -> {
            if (partner.status != PartnerStatus.ACTIVE || partner.clientId == null) {
                return Uni.createFrom().failure(ProblemException.conflict(
                        "Partner is " + partner.status + "; only an ACTIVE partner has credentials to rotate"));
            }
            return credentials.issue(partner.id, partner.slug, partner.displayName)
                    .call(issued -> recordRotation(id, actor));
        }));
    }

    /**
     * Runs a change of the partner while holding its lifecycle lock (the session's connection keeps
     * it), or fails at once with a 409 if another change of the same partner is under way.
     */
    <T> Uni<T> exclusively(UUID id, Supplier<Uni<T>> change) {
        return partners.tryLockLifecycle(id).flatMap(locked -> locked
                ? change.get().eventually(() -> partners.unlockLifecycle(id))
                : Uni.createFrom().failure(changeUnderWay(id)));
    }

    @WithTransaction
    Uni<Void> recordRotation(UUID id, String actor) {
        return events.record(id, actor, "CREDENTIALS_ROTATED", null, Map.of())
                .flatMap(event -> existing(id))
                .flatMap(partner -> announce("partner.credentials-rotated", partner, null));
    }

    /** Approval: the partner ACTIVE with its client, and subscribed to its events where its application said. */
    @WithTransaction
    Uni<Transition> approve(UUID id, String actor, IssuedCredentials issued) {
        return record(id, PartnerAction.APPROVE, null, actor, issued.clientId())
                .flatMap(approved -> webhooks.subscribeOnApproval(approved.id, approved.webhookUrl)
                        .map(webhook -> new Transition(approved, issued, webhook)));
    }

    @WithTransaction
    Uni<Partner> record(UUID id, PartnerAction action, String reason, String actor, String clientId) {
        // read again inside the transaction: another admin may have acted since
        return existing(id).flatMap(partner -> {
            checkAllowed(partner, action);
            Map<String, Object> before = PartnerChanges.snapshot(partner);
            partner.status = action.result();
            partner.clientId = clientId;
            partner.updatedAt = Instant.now();
            return events.record(id, actor, action.name(), reason,
                    PartnerChanges.between(before, PartnerChanges.snapshot(partner)))
                    .flatMap(event -> partners.flush())
                    .flatMap(flushed -> announce(action.eventType(), partner, reason))
                    .replaceWith(partner);
        }).onFailure(ConcurrentChange::isCauseOf).transform(e -> ConcurrentChange.problem("The partner"));
    }

    /** The event of a step in {@code partner}'s lifecycle, in the step's transaction, once its new version is written. */
    private Uni<Void> announce(String type, Partner partner, String reason) {
        return outbox.announce(type, partner.id, partner.id, new PartnerChange(PartnerView.of(partner), reason));
    }

    private Uni<Void> atIdentityProvider(Partner partner, boolean enabled) {
        return partner.clientId == null ? Uni.createFrom().voidItem()
                : credentials.setEnabled(partner.id, partner.clientId, enabled);
    }

    private Uni<Partner> existing(UUID id) {
        return partners.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Partner " + id));
    }

    private static void checkAllowed(Partner partner, PartnerAction action) {
        if (!action.allowedFrom(partner.status)) {
            throw ProblemType.ILLEGAL_TRANSITION.exception(
                    "Partner is " + partner.status + "; it cannot be " + pastTense(action) + " from that status");
        }
    }

    private static String pastTense(PartnerAction action) {
        return switch (action) {
            case APPROVE -> "approved";
            case REJECT -> "rejected";
            case SUSPEND -> "suspended";
            case REINSTATE -> "reinstated";
            case TERMINATE -> "terminated";
        };
    }

    static ProblemException changeUnderWay(UUID id) {
        return ProblemType.PARTNER_CHANGE_UNDER_WAY.exception(
                "Another change of partner " + id + " is under way; read the partner again and retry");
    }

    private static ProblemException slugTaken(String slug) {
        return ProblemException.conflict("The slug '" + slug + "' is already taken by another partner");
    }
}

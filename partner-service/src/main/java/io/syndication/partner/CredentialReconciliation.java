package io.syndication.partner;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.syndication.partner.credentials.ClientState;
import io.syndication.partner.credentials.PartnerCredentials;

/**
 * Finds where the identity provider and the partner records disagree (a client enabled for a
 * partner that is not ACTIVE, or disabled for one that is) and repairs it, with an audit event per
 * repair. Runs at start and whenever an admin asks; a partner whose lifecycle is changing right then
 * is reported as busy and left to that change.
 */
@ApplicationScoped
public class CredentialReconciliation {

    private static final Logger LOG = Logger.getLogger(CredentialReconciliation.class);
    private static final Duration FIRST_RETRY_AFTER = Duration.ofSeconds(1);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final Duration START_RETRIES_FOR = Duration.ofMinutes(10);

    /** What reconciliation did about one partner's client. */
    public enum Outcome {
        /** The client was disabled: the partner is not ACTIVE. */
        DISABLED,
        /** The client was enabled: the partner is ACTIVE. */
        ENABLED,
        /** An ACTIVE partner's client is gone; rotating its credentials creates a new one. */
        CLIENT_MISSING,
        /** The client id names a client that is not the partner's; it was left alone. */
        CLIENT_NOT_OWNED,
        /** Another change of this partner was under way; it was not checked. */
        BUSY
    }

    public record Finding(UUID partnerId, String slug, String clientId, PartnerStatus status, Outcome outcome) {
    }

    /** How many partners with clients were checked, and every one that needed attention. */
    public record Report(int checked, List<Finding> findings) {
    }

    private final PartnerRepository partners;
    private final PartnerEventRepository events;
    private final PartnerCredentials credentials;

    public CredentialReconciliation(PartnerRepository partners, PartnerEventRepository events,
            PartnerCredentials credentials) {
        this.partners = partners;
        this.events = events;
        this.credentials = credentials;
    }

    /**
     * Reconciles once started, and again with growing pauses while it fails: the identity provider may
     * be starting beside this service, or be down for a while, and a start should not leave its
     * disagreements until an admin asks.
     */
    void atStart(@Observes StartupEvent start) {
        VertxContextSupport.subscribe(() -> Uni.createFrom().deferred(() -> reconcile("reconciliation@startup"))
                .onFailure().invoke(failure -> LOG.warnf("Credential reconciliation at start failed (%s); it is tried again",
                        failure.getMessage()))
                .onFailure().retry().withBackOff(FIRST_RETRY_AFTER, LONGEST_PAUSE).expireIn(START_RETRIES_FOR.toMillis())
                .toMulti(), subscribe -> subscribe.with(
                        report -> LOG.infof("Credential reconciliation at start: %d partners checked, findings %s",
                                report.checked(), report.findings()),
                        failure -> LOG.warn("Credential reconciliation at start gave up; an admin can run it later", failure)));
    }

    @WithSession
    public Uni<Report> reconcile(String actor) {
        return partners.withClients().flatMap(withClients -> Multi.createFrom().iterable(withClients)
                .onItem().transformToUniAndConcatenate(partner -> check(partner, actor))
                .filter(Optional::isPresent).map(Optional::get)
                .collect().asList()
                .map(findings -> new Report(withClients.size(), findings)));
    }

    private Uni<Optional<Finding>> check(Partner partner, String actor) {
        return partners.tryLockLifecycle(partner.id).flatMap(locked -> {
            if (!locked) {
                return Uni.createFrom().item(Optional.of(finding(partner, Outcome.BUSY)));
            }
            // the list was read before the lock: the partner may have changed since
            return partners.getSession().flatMap(session -> session.refresh(partner))
                    .flatMap(refreshed -> credentials.state(partner.id, partner.clientId))
                    .flatMap(state -> repair(partner, state, actor))
                    .eventually(() -> partners.unlockLifecycle(partner.id));
        });
    }

    private Uni<Optional<Finding>> repair(Partner partner, ClientState state, String actor) {
        boolean shouldBeEnabled = partner.status == PartnerStatus.ACTIVE;
        return switch (state) {
            case ENABLED -> shouldBeEnabled ? nothing()
                    : setEnabled(partner, false, actor).replaceWith(Optional.of(finding(partner, Outcome.DISABLED)));
            case DISABLED -> !shouldBeEnabled ? nothing()
                    : setEnabled(partner, true, actor).replaceWith(Optional.of(finding(partner, Outcome.ENABLED)));
            case MISSING -> shouldBeEnabled ? Uni.createFrom().item(Optional.of(finding(partner, Outcome.CLIENT_MISSING)))
                    : nothing();
            case NOT_OWNED -> Uni.createFrom().item(Optional.of(finding(partner, Outcome.CLIENT_NOT_OWNED)));
        };
    }

    private Uni<Void> setEnabled(Partner partner, boolean enabled, String actor) {
        LOG.warnf("Partner %s is %s but its client %s was %s: repaired", partner.slug, partner.status, partner.clientId,
                enabled ? "disabled" : "enabled");
        return credentials.setEnabled(partner.id, partner.clientId, enabled)
                .call(() -> recordRepair(partner.id, actor, "The partner is " + partner.status + " but its client "
                        + partner.clientId + " was " + (enabled ? "disabled" : "enabled") + " at the identity provider"));
    }

    @WithTransaction
    Uni<PartnerEvent> recordRepair(UUID partnerId, String actor, String reason) {
        return events.record(partnerId, actor, "CREDENTIALS_RECONCILED", reason, Map.of());
    }

    private static Uni<Optional<Finding>> nothing() {
        return Uni.createFrom().item(Optional.empty());
    }

    private static Finding finding(Partner partner, Outcome outcome) {
        return new Finding(partner.id, partner.slug, partner.clientId, partner.status, outcome);
    }
}

package io.syndication.partner.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.syndication.events.Outbox;
import io.syndication.events.Rounds;
import io.syndication.partner.webhooks.DeliveryTable.Claimed;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Delivers what is due, a batch at a time, without ever holding up the request that caused an event.
 * A failed attempt is tried again after an exponential backoff with jitter until the delivery's retry
 * period ends (FAILED); a subscription whose every delivery has failed for
 * {@code platform.webhooks.disable-after} is disabled, and that is announced ({@value #DISABLED}).
 */
@ApplicationScoped
public class WebhookDispatcher {

    static final String DISABLED = "webhook.disabled";

    /** Deliveries attempted at once. */
    private static final int BATCH = 32;
    /** How long a claimed delivery is held: well past the longest attempt. */
    private static final Duration LEASE = WebhookSender.LONGEST.multipliedBy(4);
    private static final Duration IDLE = Duration.ofMillis(250);
    private static final Duration LONGEST_BACKOFF = Duration.ofHours(1);

    private final DeliveryTable deliveries;
    private final WebhookSender sender;
    private final Outbox outbox;
    private final Duration firstRetry;
    private final Duration disableAfter;
    private final Rounds rounds;

    WebhookDispatcher(DeliveryTable deliveries, WebhookSender sender, Outbox outbox, Vertx vertx,
            @ConfigProperty(name = "platform.webhooks.first-retry") Duration firstRetry,
            @ConfigProperty(name = "platform.webhooks.disable-after") Duration disableAfter) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.outbox = outbox;
        this.firstRetry = firstRetry;
        this.disableAfter = disableAfter;
        this.rounds = new Rounds(vertx, "Delivering webhooks", IDLE, Duration.ofSeconds(30),
                () -> dispatchDue().map(attempted -> attempted == BATCH));
    }

    void start(@Observes StartupEvent started) {
        rounds.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        rounds.stop();
    }

    /** Attempts every delivery due (up to a batch), all at once; how many were attempted. */
    Uni<Integer> dispatchDue() {
        return deliveries.claim(BATCH, LEASE).flatMap(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0)
                : Uni.join().all(claimed.stream().map(this::attempt).toList()).andCollectFailures()
                        .replaceWith(claimed.size()));
    }

    private Uni<Void> attempt(Claimed delivery) {
        return sender.post(delivery.url(), delivery.eventId(), delivery.body(), delivery.secrets())
                .flatMap(attempt -> deliveries.database().withTransaction(connection -> deliveries
                        .record(connection, delivery, attempt, attempt.succeeded() ? null : nextAttempt(delivery))
                        .flatMap(recorded -> attempt.succeeded() ? recovered(connection, delivery.subscriptionId())
                                : failing(connection, delivery.subscriptionId()))));
    }

    /** When a failed delivery is tried again: doubling from the first retry, at most an hour, ±50%; null once retries end. */
    private Instant nextAttempt(Claimed delivery) {
        double doubling = Math.pow(2, Math.min(delivery.attempt() - 1, 20));
        long base = Math.min((long) (firstRetry.toMillis() * doubling), LONGEST_BACKOFF.toMillis());
        long jittered = (long) (base * (0.5 + ThreadLocalRandom.current().nextDouble()));
        Instant next = Instant.now().plusMillis(jittered);
        return next.isAfter(delivery.retryUntil()) ? null : next;
    }

    private Uni<Void> recovered(SqlConnection connection, UUID subscription) {
        return connection.preparedQuery("UPDATE webhook_subscription SET failing_since = NULL, version = version + 1"
                + " WHERE id = $1 AND failing_since IS NOT NULL").execute(Tuple.of(subscription)).replaceWithVoid();
    }

    /** Notes that the subscription is failing, and disables it once it has failed for too long. */
    private Uni<Void> failing(SqlConnection connection, UUID subscription) {
        return connection.preparedQuery("UPDATE webhook_subscription SET failing_since = now(), version = version + 1"
                + " WHERE id = $1 AND failing_since IS NULL").execute(Tuple.of(subscription))
                .flatMap(noted -> connection.preparedQuery("UPDATE webhook_subscription SET enabled = false,"
                        + " disabled_reason = $2, version = version + 1, updated_at = now()"
                        + " WHERE id = $1 AND enabled AND failing_since <= now() - $3::interval"
                        + " RETURNING id, partner_id, url, failing_since")
                        .execute(Tuple.of(subscription, "Every delivery failed for " + disableAfter.toString().substring(2).toLowerCase(),
                                DeliveryTable.interval(disableAfter))))
                .flatMap(disabled -> {
                    if (disabled.rowCount() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    var row = disabled.iterator().next();
                    UUID partner = row.getUUID("partner_id");
                    return outbox.announce(connection, DISABLED, subscription, partner, Map.of("id", subscription,
                            "url", row.getString("url"), "failingSince", row.getOffsetDateTime("failing_since").toInstant(),
                            "enabled", false));
                });
    }
}

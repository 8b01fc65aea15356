package io.syndication.partner.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.syndication.http.ConcurrentChange;
import io.syndication.http.ProblemException;
import io.syndication.partner.webhooks.DeliveryTable.DeliveryLog;

/**
 * Partners' subscriptions: each partner manages its own, an admin manages platform-wide ones and
 * may read every one. Another owner's subscription looks exactly like a missing one (404).
 */
@ApplicationScoped
public class WebhookService {

    /** Subscriptions one owner may have: enough for every use, too few to fan one event out without end. */
    static final int MOST_PER_OWNER = 10;
    /** How long a rotated-out secret still signs, so receivers can switch without missing a delivery. */
    static final Duration PREVIOUS_SECRET_SIGNS = Duration.ofHours(24);

    private final WebhookDestinations destinations;
    private final DeliveryTable deliveries;
    private final Duration retryFor;

    WebhookService(WebhookDestinations destinations, DeliveryTable deliveries,
            @ConfigProperty(name = "platform.webhooks.retry-for") Duration retryFor) {
        this.destinations = destinations;
        this.deliveries = deliveries;
        this.retryFor = retryFor;
    }

    /** Who acts: a partner (its id), or an admin (no partner id), whose own subscriptions are platform-wide. */
    public record Subscriber(UUID partnerId) {

        public static final Subscriber ADMIN = new Subscriber(null);

        boolean admin() {
            return partnerId == null;
        }

        boolean owns(WebhookSubscription subscription) {
            return admin() || partnerId.equals(subscription.partnerId);
        }
    }

    /** A new subscription of the subscriber's own (platform-wide for an admin), with a new secret. */
    @WithTransaction
    public Uni<WebhookSubscription> subscribe(Subscriber subscriber, String url, List<String> eventTypes) {
        UUID owner = subscriber.partnerId();
        destinations.check(url, "url");
        List<String> types = WebhookEventTypes.check(eventTypes, owner == null);
        return WebhookSubscription.count(owner == null ? "partnerId is null" : "partnerId = ?1",
                owner == null ? new Object[0] : new Object[] { owner }).flatMap(count -> {
                    if (count >= MOST_PER_OWNER) {
                        return Uni.createFrom().failure(ProblemException.conflict("There are already " + MOST_PER_OWNER
                                + " subscriptions; delete one, or name more event types in one"));
                    }
                    return create(owner, url, types).persist();
                });
    }

    /**
     * The partner's first subscription, made on its approval from the application's webhook URL, for
     * every type; call it inside the approval's transaction. None when the URL is not one webhooks may
     * be posted to (the partner subscribes itself then).
     */
    public Uni<WebhookSubscription> subscribeOnApproval(UUID partnerId, String webhookUrl) {
        if (webhookUrl == null) {
            return Uni.createFrom().nullItem();
        }
        try {
            destinations.check(webhookUrl, "webhookUrl");
        } catch (ProblemException refused) {
            return Uni.createFrom().nullItem();
        }
        return create(partnerId, webhookUrl, List.of()).persist();
    }

    /** A page of what the subscriber may see, oldest first, after the subscription {@code after} names. */
    @WithSession
    public Uni<List<WebhookSubscription>> list(Subscriber subscriber, Instant afterTime, UUID afterId, int limit) {
        Parameters parameters = new Parameters();
        StringBuilder query = new StringBuilder("1 = 1");
        if (!subscriber.admin()) {
            query.append(" and partnerId = :partner");
            parameters.and("partner", subscriber.partnerId());
        }
        if (afterTime != null) {
            query.append(" and (createdAt > :time or (createdAt = :time and id > :id))");
            parameters.and("time", afterTime).and("id", afterId);
        }
        return WebhookSubscription.<WebhookSubscription>find(query + " order by createdAt, id", parameters)
                .range(0, limit - 1).list();
    }

    @WithSession
    public Uni<WebhookSubscription> find(Subscriber subscriber, UUID id) {
        return owned(subscriber, id);
    }

    /** Changes the URL, the types or whether it is enabled; enabling it again clears its failure. */
    @WithTransaction
    public Uni<WebhookSubscription> change(Subscriber subscriber, UUID id, String url, List<String> eventTypes,
            Boolean enabled) {
        return owned(subscriber, id).map(subscription -> {
            if (url != null) {
                destinations.check(url, "url");
                subscription.url = url;
            }
            if (eventTypes != null) {
                subscription.eventTypes = WebhookEventTypes.check(eventTypes, subscription.partnerId == null);
            }
            if (enabled != null && enabled != subscription.enabled) {
                subscription.enabled = enabled;
                subscription.failingSince = null;
                subscription.disabledReason = enabled ? null : "Disabled by its owner";
            }
            subscription.updatedAt = now();
            return subscription;
        }).onFailure(ConcurrentChange::isCauseOf).transform(e -> ConcurrentChange.problem("The subscription"));
    }

    @WithTransaction
    public Uni<Void> delete(Subscriber subscriber, UUID id) {
        return owned(subscriber, id).flatMap(WebhookSubscription::delete);
    }

    /** A new secret; the one it replaces still signs for {@link #PREVIOUS_SECRET_SIGNS}. */
    @WithTransaction
    public Uni<WebhookSubscription> rotateSecret(Subscriber subscriber, UUID id) {
        return owned(subscriber, id).map(subscription -> {
            subscription.previousSecret = subscription.secret;
            subscription.previousSecretUntil = now().plus(PREVIOUS_SECRET_SIGNS);
            subscription.secret = WebhookSignature.newSecret();
            subscription.updatedAt = now();
            return subscription;
        }).onFailure(ConcurrentChange::isCauseOf).transform(e -> ConcurrentChange.problem("The subscription"));
    }

    public Uni<List<DeliveryLog>> deliveries(Subscriber subscriber, UUID id, Long beforePosition, int limit) {
        return find(subscriber, id).flatMap(subscription -> deliveries.log(id, beforePosition, limit));
    }

    /** Queues a delivery again, now; 404 when the subscription has no such delivery. */
    public Uni<Void> redeliver(Subscriber subscriber, UUID id, UUID deliveryId) {
        return find(subscriber, id).flatMap(subscription -> deliveries.redeliver(id, deliveryId, retryFor))
                .flatMap(queued -> queued ? Uni.createFrom().voidItem()
                        : Uni.createFrom().failure(ProblemException.notFound("Delivery " + deliveryId)));
    }

    private Uni<WebhookSubscription> owned(Subscriber subscriber, UUID id) {
        return WebhookSubscription.<WebhookSubscription>findById(id).map(subscription -> {
            if (subscription == null || !subscriber.owns(subscription)) {
                throw ProblemException.notFound("Subscription " + id);
            }
            return subscription;
        });
    }

    private static WebhookSubscription create(UUID owner, String url, List<String> types) {
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.partnerId = owner;
        subscription.url = url;
        subscription.eventTypes = types;
        subscription.enabled = true;
        subscription.secret = WebhookSignature.newSecret();
        subscription.createdAt = now();
        subscription.updatedAt = subscription.createdAt;
        return subscription;
    }

    /** PostgreSQL keeps microseconds: a cursor names exactly what was stored. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}

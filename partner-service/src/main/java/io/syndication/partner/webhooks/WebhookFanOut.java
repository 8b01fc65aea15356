package io.syndication.partner.webhooks;

import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Every event of the platform (topics partner, content and schedule), queued for each subscription
 * that wants it, in the order of its partition. The record is acknowledged (its offset committed)
 * only once its deliveries are written, so a crash queues it again, and the delivery's uniqueness per
 * subscription and event id makes that harmless. A record that is not a CloudEvent is skipped.
 */
@ApplicationScoped
public class WebhookFanOut {

    private static final Logger LOG = Logger.getLogger(WebhookFanOut.class);

    private final DeliveryTable deliveries;
    private final ObjectMapper json;
    private final Duration retryFor;

    WebhookFanOut(DeliveryTable deliveries, ObjectMapper json,
            @ConfigProperty(name = "platform.webhooks.retry-for") Duration retryFor) {
        this.deliveries = deliveries;
        this.json = json;
        this.retryFor = retryFor;
    }

    @Incoming("webhook-events")
    public Uni<Void> queue(String record) {
        JsonNode event;
        UUID id;
        UUID partner;
        try {
            event = json.readTree(record);
            id = UUID.fromString(event.path("id").asText());
            partner = event.hasNonNull("partnerid") ? UUID.fromString(event.get("partnerid").asText()) : null;
        } catch (Exception e) {
            LOG.warnf("Skipped a record that is not a CloudEvent of the platform: %.200s", record);
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().deferred(() -> deliveries.enqueue(id, event.path("type").asText(),
                        event.path("subject").asText(), partner, record, retryFor))
                // the database may be away for a while: the event waits for it, and nothing after it overtakes it
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .replaceWithVoid();
    }
}

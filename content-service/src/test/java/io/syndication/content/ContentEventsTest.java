package io.syndication.content;

import static io.syndication.content.ContentApi.act;
import static io.syndication.content.ContentApi.approve;
import static io.syndication.content.ContentApi.approved;
import static io.syndication.content.ContentApi.created;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.syndication.events.OutboxRelay;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.PublishedEvents;
import io.syndication.testing.TestSql;
import io.syndication.testing.Tokens;

/**
 * Every moderation step and every edit of an item is published on the topic content, as a
 * CloudEvent carrying the item as the API shows it after the change, numbered within the item in
 * the order the changes were made; a step that is refused publishes nothing.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakePartnerServiceResource.class)
class ContentEventsTest {

    private final UUID partnerId = UUID.randomUUID();
    private final String partner = Tokens.partner(partnerId);

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector broker;

    @Inject
    MeterRegistry metrics;

    private PublishedEvents published;

    @BeforeEach
    void readThePublishedEvents() {
        published = new PublishedEvents(broker);
    }


    private static String clip(String externalId) {
        return """
                {"externalId": "%s", "kind": "CLIP", "title": "Market open: the first ten minutes",
                 "language": "en", "categories": ["NEWS"], "durationSeconds": 600,
                 "mediaUrl": "https://cdn.markets.example/open.mp4", "ageRating": "ALL_AGES",
                 "availableFrom": "2026-12-01T00:00:00Z", "availableUntil": "2027-03-01T00:00:00Z",
                 "territories": ["IN", "SG"]}
                """.formatted(externalId);
    }

    @Test
    void anItemsWholeModerationIsPublishedInOrderWithTheItemAfterEachStep() {
        String id = approved(partner, clip("market-open"));
        ContentApi.patch(partner, id, "{\"title\": \"Market open\", \"availableUntil\": \"2027-01-01T00:00:00Z\"}")
                .then().statusCode(200);
        approve(id).then().statusCode(200);
        act(partner, id, "retire", "{}").then().statusCode(200);

        List<JsonNode> events = published.about(id, 5);
        assertThat(events.stream().map(event -> event.get("type").asText()).toList(), contains("content.submitted",
                "content.approved", "content.changed", "content.approved", "content.retired"));
        assertThat(events.stream().map(event -> event.get("sequence").asLong()).toList(), contains(1L, 2L, 3L, 4L, 5L));
        assertThat(events.stream().map(event -> event.at("/data/status").asText()).toList(),
                contains("SUBMITTED", "APPROVED", "SUBMITTED", "APPROVED", "RETIRED"));
        JsonNode changed = events.get(2);
        assertThat(changed.at("/data/changes").toString(), equalTo("[\"rightsWindow\",\"title\"]"));
        assertThat(changed.at("/data/availableUntil").asText(), equalTo("2027-01-01T00:00:00Z"));
        assertThat(changed.at("/data/title").asText(), equalTo("Market open"));
        JsonNode retired = events.get(4);
        assertThat(retired.get("specversion").asText(), equalTo("1.0"));
        assertThat(retired.get("source").asText(), equalTo("/content-service"));
        assertThat(retired.get("subject").asText(), equalTo(id));
        assertThat(retired.get("partnerid").asText(), equalTo(partnerId.toString()));
        assertThat(retired.get("datacontenttype").asText(), equalTo("application/json"));
        assertThat(retired.at("/data/id").asText(), equalTo(id));
        // created as version 0, then submitted, approved, edited, approved and retired
        assertThat(retired.at("/data/version").asLong(), equalTo(5L));
        assertThat(retired.get("data").has("changes"), equalTo(false));
    }

    @Test
    void eachEventGoesToTheContentTopicKeyedByItsItem() {
        String id = ContentApi.submitted(partner, clip("keyed"));
        Message<String> message = published.records(id, 1).get(0);
        OutgoingKafkaRecordMetadata<?> record = message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertThat(record.getTopic(), equalTo("content"));
        assertThat(record.getKey(), equalTo(id));
        assertThat(new String(record.getHeaders().lastHeader("content-type").value()), equalTo("application/cloudevents+json"));
    }

    @Test
    void aRefusedStepPublishesNothing() {
        String id = created(partner, clip("refused"));
        act(partner, id, "retire", "{}").then().statusCode(409);
        ContentApi.patch(partner, id, "{\"title\": \"Still a draft\"}").then().statusCode(200);
        act(partner, id, "submit", "{}").then().statusCode(200);
        List<JsonNode> events = published.about(id, 2);
        assertThat(events.stream().map(event -> event.get("type").asText()).toList(),
                contains("content.changed", "content.submitted"));
        assertThat(events.get(0).at("/data/status").asText(), equalTo("DRAFT"));
    }

    @Test
    void theOutboxBacklogIsReportedWhileTheRelayIsHeldBackAndDrainsAfter() throws SQLException {
        String id;
        try (Connection otherReplica = TestSql.connection(); Statement statement = otherReplica.createStatement()) {
            otherReplica.setAutoCommit(false);
            // as another replica's relay would, holding the relay's lock until its transaction ends
            statement.execute("SELECT pg_advisory_xact_lock(" + OutboxRelay.RELAY_LOCK + ")");
            id = ContentApi.submitted(partner, clip("held-back"));
            await().atMost(Duration.ofSeconds(30)).until(() -> gauge("outbox.pending.events") >= 1
                    && gauge("outbox.oldest.age.seconds") > 0);
            otherReplica.rollback();
        }
        assertThat(published.about(id, 1).get(0).get("type").asText(), equalTo("content.submitted"));
        await().atMost(Duration.ofSeconds(30)).until(() -> gauge("outbox.pending.events") == 0);
    }

    private double gauge(String name) {
        return metrics.get(name).gauge().value();
    }
}

package io.syndication.partner;

import static io.restassured.RestAssured.given;
import static io.syndication.partner.PartnerApi.act;
import static io.syndication.partner.PartnerApi.applied;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.PublishedEvents;
import io.syndication.testing.Tokens;

/**
 * Every step of a partner's lifecycle is published on the topic partner, as a CloudEvent carrying
 * the partner as the API shows it after the step (and the admin's reason), in the order of the steps.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
class PartnerEventsTest {

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector broker;

    private PublishedEvents published;

    @BeforeEach
    void readThePublishedEvents() {
        published = new PublishedEvents(broker);
    }

    @Test
    void aPartnersWholeLifecycleIsPublishedInOrder() {
        String id = applied("events");
        act(id, "approve", null);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).when().post("/api/v1/partners/" + id + "/credentials/rotate")
                .then().statusCode(200);
        act(id, "suspend", "Unpaid invoices");
        act(id, "reinstate", null);
        act(id, "terminate", "Agreement ended");

        List<JsonNode> events = published.about(id, 6);
        assertThat(events.stream().map(event -> event.get("type").asText()).toList(), contains("partner.applied",
                "partner.approved", "partner.credentials-rotated", "partner.suspended", "partner.reinstated",
                "partner.terminated"));
        assertThat(events.stream().map(event -> event.get("sequence").asLong()).toList(), contains(1L, 2L, 3L, 4L, 5L, 6L));
        assertThat(events.stream().map(event -> event.at("/data/status").asText()).toList(),
                contains("APPLIED", "ACTIVE", "ACTIVE", "SUSPENDED", "ACTIVE", "TERMINATED"));
        assertThat(events.get(3).at("/data/reason").asText(), equalTo("Unpaid invoices"));
        assertThat(events.get(1).get("data").get("reason"), nullValue());
        JsonNode approved = events.get(1);
        assertThat(approved.get("source").asText(), equalTo("/partner-service"));
        assertThat(approved.get("subject").asText(), equalTo(id));
        assertThat(approved.get("partnerid").asText(), equalTo(id));
        assertThat(approved.at("/data/clientId").asText(), equalTo(PartnerApi.read(Tokens.admin(), id).path("clientId")));
    }

    @Test
    void aRejectionIsPublishedWithItsReasonOnThePartnerTopic() {
        String id = applied("rejected-events");
        act(id, "reject", "Not a broadcaster");
        act(id, "approve", null);
        List<JsonNode> events = published.about(id, 2);
        assertThat(events.get(1).get("type").asText(), equalTo("partner.rejected"));
        assertThat(events.get(1).at("/data/reason").asText(), equalTo("Not a broadcaster"));
        var record = published.records(id, 2).get(1).getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertThat(record.getTopic(), equalTo("partner"));
        assertThat(record.getKey(), equalTo(id));
    }
}

package io.syndication.schedule;

import java.time.Instant;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * content-service's and partner-service's events as they publish them (CloudEvents 1.0, structured
 * JSON, numbered per subject), sent into the service's in-memory channels {@code content} and
 * {@code partner}; the items they describe are served by the fake content-service too, so that a
 * placement confirming with content-service sees what the events said.
 */
final class EventFeed {

    private final InMemoryConnector connector;

    EventFeed(InMemoryConnector connector) {
        this.connector = connector;
    }

    /** A content item as content-service's API shows it, and the sequence of its last event. */
    static final class Item {

        final UUID id = UUID.randomUUID();
        final JsonObject json;
        long sequence;

        private Item(UUID partnerId, String kind, String title, Integer durationSeconds) {
            json = new JsonObject().put("id", id.toString()).put("partnerId", partnerId.toString())
                    .put("externalId", "ext-" + id).put("kind", kind).put("title", title).put("synopsis", "A test item")
                    .put("language", "en").put("categories", new JsonArray().add("NEWS")).put("durationSeconds", durationSeconds)
                    .put("start", null).put("end", null).put("mediaUrl", "https://cdn.example/" + id + ".m3u8")
                    .put("thumbnailUrl", null).put("ageRating", "ALL_AGES").put("availableFrom", "2026-01-01T00:00:00Z")
                    .put("availableUntil", "2027-06-01T00:00:00Z").put("territories", new JsonArray().add("SG").add("HK").add("IN"))
                    .put("status", "APPROVED").put("reason", null).put("version", 3).put("createdAt", "2026-11-01T00:00:00Z")
                    .put("updatedAt", "2026-11-02T00:00:00Z");
        }

        /** Changes a field of the item as content-service shows it. */
        Item with(String field, Object value) {
            json.put(field, value);
            return this;
        }

        String id() {
            return id.toString();
        }
    }

    static Item programme(UUID partnerId, String title, int minutes) {
        return new Item(partnerId, "PROGRAMME", title, minutes * 60);
    }

    static Item clip(UUID partnerId, String title, int minutes) {
        return new Item(partnerId, "CLIP", title, minutes * 60);
    }

    /** content-service publishes the item's next event, of {@code type}, and answers for the item as it now is. */
    void content(String type, Item item) {
        item.sequence++;
        FakeContentServiceResource.serve(item.json, item.sequence);
        send("content", event(type, item.id, item.sequence, item.json));
    }

    /** partner-service publishes the partner's event number {@code sequence}, of {@code type}, with the partner's {@code status}. */
    void partner(String type, UUID partnerId, long sequence, String status) {
        JsonObject partner = new JsonObject().put("id", partnerId.toString()).put("slug", "p-" + partnerId)
                .put("displayName", "A partner").put("category", "NEWS").put("territories", new JsonArray().add("SG"))
                .put("status", status).put("version", sequence);
        if (!"ACTIVE".equals(status)) {
            partner.put("reason", "Feeds delivered outside licensed territories");
        }
        send("partner", event(type, partnerId, sequence, partner));
    }

    /** Sends a record's value as it is, well formed or not, in a batch of its own. */
    void send(String topic, String value) {
        batch(topic, List.of(value));
    }

    /** Sends records' values as one batch, as the broker hands them over after a poll. */
    void batch(String topic, List<String> values) {
        connector.source(topic).send(values);
    }

    /** A CloudEvent in structured JSON, as the producers' outbox relay writes it. */
    static String event(String type, UUID subject, long sequence, JsonObject data) {
        return new JsonObject().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", type.startsWith("content") ? "/content-service" : "/partner-service").put("type", type)
                .put("subject", subject.toString()).put("time", Instant.now().toString())
                .put("datacontenttype", "application/json").put("sequence", sequence)
                .put("partnerid", data.getString("partnerId", subject.toString())).put("data", data).encode();
    }

    /** The view's row of the item: its status, title and last sequence applied; null while it has none. */
    static List<Object> viewOf(Item item) {
        Config config = ConfigProvider.getConfig();
        try (Connection connection = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                PreparedStatement query = connection.prepareStatement(
                        "SELECT status, title, sequence FROM content_view WHERE id = ?")) {
            query.setObject(1, item.id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? List.of(row.getString(1), row.getString(2), row.getLong(3)) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the view", e);
        }
    }
}

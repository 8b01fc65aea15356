package io.syndication.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.memory.InMemoryConnector;

/**
 * What a service's outbox relay published in a service test, where the channel "events" is in
 * memory: the CloudEvents about one subject, in the order they were published.
 */
public final class PublishedEvents {

    /** Far more than the relay takes to publish a committed change on a busy machine. */
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final InMemoryConnector broker;

    public PublishedEvents(InMemoryConnector broker) {
        this.broker = broker;
    }

    /** The events about {@code subject}, once {@code count} of them were published; exactly that many. */
    public List<JsonNode> about(String subject, int count) {
        return records(subject, count).stream().map(record -> read(record.getPayload())).toList();
    }

    /** The events of {@code type} about {@code subject}, once {@code count} of them were published; exactly that many. */
    public List<JsonNode> about(String subject, String type, int count) {
        await().atMost(BOUND).until(() -> ofType(subject, type).size() >= count);
        List<JsonNode> events = ofType(subject, type);
        if (events.size() != count) {
            throw new AssertionError(count + " " + type + " events about " + subject + " expected, " + events.size()
                    + " published: " + events);
        }
        return events;
    }

    private List<JsonNode> ofType(String subject, String type) {
        return recordsAbout(subject).stream().map(record -> read(record.getPayload()))
                .filter(event -> event.get("type").asText().equals(type)).toList();
    }

    /** The records (with their Kafka metadata) of the events about {@code subject}, once {@code count} were published. */
    public List<Message<String>> records(String subject, int count) {
        await().atMost(BOUND).until(() -> recordsAbout(subject).size() >= count);
        List<Message<String>> records = recordsAbout(subject);
        if (records.size() != count) {
            throw new AssertionError(count + " events about " + subject + " expected, " + records.size() + " published: "
                    + records.stream().map(Message::getPayload).toList());
        }
        return records;
    }

    private List<Message<String>> recordsAbout(String subject) {
        return broker.<String>sink("events").received().stream()
                .filter(record -> read(record.getPayload()).get("subject").asText().equals(subject))
                .map(record -> (Message<String>) record)
                .toList();
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Not JSON: " + payload, e);
        }
    }
}

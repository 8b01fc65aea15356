package io.syndication.e2e;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A CloudEvent of the platform, as its topics carry it and its webhooks deliver it. */
record PlatformEvent(String id, String source, String type, String subject, long sequence, String partnerId, JsonNode data) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static PlatformEvent parse(String json) {
        try {
            JsonNode event = JSON.readTree(json);
            return new PlatformEvent(event.path("id").asText(null), event.path("source").asText(null),
                    event.path("type").asText(null), event.path("subject").asText(null), event.path("sequence").asLong(0),
                    event.hasNonNull("partnerid") ? event.get("partnerid").asText() : null, event.path("data"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a CloudEvent in JSON: " + json, e);
        }
    }

    /** The same event published again: same id, type, subject and sequence. */
    boolean sameAs(PlatformEvent other) {
        return id.equals(other.id) && type.equals(other.type) && subject.equals(other.subject) && sequence == other.sequence;
    }
}

package io.syndication.schedule.feed;

import java.time.format.DateTimeParseException;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.syndication.http.validation.OnTheCalendar;
import io.syndication.schedule.content.ContentItem;
import io.syndication.schedule.content.PartnerStatus;
import io.syndication.schedule.feed.ChangeEvent.ContentChanged;
import io.syndication.schedule.feed.ChangeEvent.Ignored;
import io.syndication.schedule.feed.ChangeEvent.Malformed;
import io.syndication.schedule.feed.ChangeEvent.PartnerChanged;
import io.syndication.schedule.feed.ChangeEvent.Topic;
import io.syndication.schedule.healing.Cause;

/**
 * Reads the records of the topics {@code content} and {@code partner}: CloudEvents 1.0 in structured
 * JSON, whose {@code data} is the item or partner as its service's API shows it after the change.
 * Types the schedule does not use, or does not know yet, are ignored; a record that is not such an
 * event is malformed, never an exception, so that it can be logged and passed over.
 */
public final class ChangeEvents {

    /** The longest event id kept (CloudEvents ids are the producers' UUIDs). */
    private static final int MAX_ID = 200;
    /** What content-service stores at most, which the view stores too. */
    private static final int MAX_TITLE = 300;
    private static final int MAX_AGE_RATING = 20;
    private static final Pattern TERRITORY = Pattern.compile("[A-Z]{2}");

    private ChangeEvents() {
    }

    /** Reads one record's value; never throws. */
    public static ChangeEvent read(Topic topic, String value, ObjectMapper json) {
        JsonNode event;
        try {
            event = value == null ? null : json.readTree(value);
        } catch (JsonProcessingException e) {
            return new Malformed("not JSON: " + e.getOriginalMessage());
        }
        if (event == null || !event.isObject()) {
            return new Malformed("not a JSON object");
        }
        if (!event.path("specversion").asText("").startsWith("1.")) {
            return new Malformed("not a CloudEvents 1.x event (specversion " + event.path("specversion") + ")");
        }
        String id = event.path("id").asText("");
        String type = event.path("type").asText("");
        if (id.isBlank() || id.length() > MAX_ID || type.isBlank() || !event.path("type").isTextual()) {
            return new Malformed("no id or type");
        }
        if (!topic.types.contains(type)) {
            return new Ignored(type);
        }
        UUID subject;
        try {
            subject = UUID.fromString(event.path("subject").asText(""));
        } catch (IllegalArgumentException e) {
            return new Malformed(type + " " + id + ": the subject " + event.path("subject") + " is not a UUID");
        }
        JsonNode sequence = event.path("sequence");
        if (!sequence.isIntegralNumber() || !sequence.canConvertToLong() || sequence.asLong() < 0) {
            return new Malformed(type + " " + id + ": the sequence " + sequence + " is not a whole number");
        }
        JsonNode data = event.path("data");
        if (!data.isObject()) {
            return new Malformed(type + " " + id + ": no JSON object as data");
        }
        if (!subject.toString().equals(data.path("id").asText(""))) {
            return new Malformed(type + " " + id + ": its data is not about its subject " + subject);
        }
        Instant occurredAt;
        try {
            // an event without its time is taken as of now, as before events carried one
            occurredAt = event.hasNonNull("time") ? Instant.parse(event.get("time").asText()) : Instant.now();
        } catch (DateTimeParseException e) {
            return new Malformed(type + " " + id + ": its time " + event.get("time") + " is not an instant");
        }
        Cause cause = new Cause(id, type, occurredAt);
        try {
            return topic == Topic.CONTENT ? content(cause, sequence.asLong(), json.treeToValue(data, ContentItem.class))
                    : partner(cause, sequence.asLong(), subject, data.path("status").isTextual()
                            ? json.treeToValue(data.path("status"), PartnerStatus.class) : null);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return new Malformed(type + " " + id + ": its data cannot be read: " + e.getMessage());
        }
    }

    private static ChangeEvent content(Cause cause, long sequence, ContentItem item) {
        String missing = item.partnerId() == null ? "partnerId" : item.kind() == null ? "kind" : item.title() == null ? "title"
                : item.status() == null ? "status" : item.ageRating() == null ? "ageRating"
                : item.availableFrom() == null ? "availableFrom" : item.territories() == null ? "territories" : null;
        if (missing != null) {
            return new Malformed(cause.eventType() + " " + cause.eventId() + ": its data has no " + missing);
        }
        if (Stream.of(item.availableFrom(), item.availableUntil(), item.start(), item.end())
                .anyMatch(instant -> instant != null && !OnTheCalendar.Validator.holds(instant))) {
            return new Malformed(cause.eventType() + " " + cause.eventId() + ": its data holds an instant outside 1970-9999");
        }
        if (item.title().length() > MAX_TITLE || item.ageRating().length() > MAX_AGE_RATING
                || !item.territories().stream().allMatch(territory -> territory != null && TERRITORY.matcher(territory).matches())) {
            return new Malformed(cause.eventType() + " " + cause.eventId() + ": its data holds a title, age rating or territory"
                    + " content-service would not");
        }
        return new ContentChanged(cause, sequence, item.asOf(sequence));
    }

    private static ChangeEvent partner(Cause cause, long sequence, UUID partnerId, PartnerStatus status) {
        if (status == null) {
            return new Malformed(cause.eventType() + " " + cause.eventId() + ": its data has no status");
        }
        return new PartnerChanged(cause, sequence, partnerId, status);
    }
}

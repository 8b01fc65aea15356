package io.syndication.schedule.feed;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.syndication.schedule.content.ContentKind;
import io.syndication.schedule.content.ContentStatus;
import io.syndication.schedule.content.PartnerStatus;
import io.syndication.schedule.feed.ChangeEvent.ContentChanged;
import io.syndication.schedule.feed.ChangeEvent.Ignored;
import io.syndication.schedule.feed.ChangeEvent.Malformed;
import io.syndication.schedule.feed.ChangeEvent.PartnerChanged;
import io.syndication.schedule.feed.ChangeEvent.Topic;

/** Reading the records of the topics content and partner, as a pure rule: a record's value in, an event or a reason to skip it out. */
class ChangeEventsTest {

    /** As the service's own mapper reads: ISO instants, unknown fields ignored, unknown enum words as OTHER. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE);

    private static final UUID ITEM = UUID.fromString("5a1e0000-0000-4000-8000-00000000a001");
    private static final UUID PARTNER = UUID.fromString("6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0001");

    /** A content event as content-service publishes it, changed by {@code change}. */
    private static String content(String type, Consumer<ObjectNode> change) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", "0b9c6e0a-2f7d-4e53-8c1a-6d2e9f3b4a57")
                .put("source", "/content-service").put("type", type).put("subject", ITEM.toString())
                .put("time", "2026-12-06T12:00:00.123456Z").put("datacontenttype", "application/json").put("sequence", 7)
                .put("partnerid", PARTNER.toString());
        ObjectNode data = event.putObject("data").put("id", ITEM.toString()).put("partnerId", PARTNER.toString())
                .put("externalId", "ep-42").put("kind", "PROGRAMME").put("title", "Morning Markets").put("synopsis", "News")
                .put("language", "en").put("durationSeconds", 1800).putNull("start").putNull("end")
                .put("mediaUrl", "https://cdn.example/42.m3u8").put("ageRating", "ALL_AGES")
                .put("availableFrom", "2026-01-01T00:00:00Z").put("availableUntil", "2027-01-01T00:00:00Z")
                .put("status", "RETIRED").put("version", 5).put("createdAt", "2026-11-01T00:00:00Z");
        data.putArray("categories").add("NEWS");
        data.putArray("territories").add("SG").add("HK");
        change.accept(event);
        return event.toString();
    }

    private static String partner(String type, Consumer<ObjectNode> change) {
        ObjectNode event = JSON.createObjectNode().put("specversion", "1.0").put("id", "1c2d3e4f-0000-4000-8000-000000000001")
                .put("source", "/partner-service").put("type", type).put("subject", PARTNER.toString()).put("sequence", 3);
        event.putObject("data").put("id", PARTNER.toString()).put("slug", "harbour-news").put("status", "SUSPENDED")
                .put("reason", "Unpaid invoices").put("version", 3);
        change.accept(event);
        return event.toString();
    }

    private static ObjectNode data(ObjectNode event) {
        return (ObjectNode) event.get("data");
    }

    private static ChangeEvent read(Topic topic, String value) {
        return ChangeEvents.read(topic, value, JSON);
    }

    @Test
    void aContentEventIsTheItemAsItIsAfterTheChange() {
        ChangeEvent event = read(Topic.CONTENT, content("content.retired", e -> { }));
        assertThat(event, instanceOf(ContentChanged.class));
        ContentChanged retired = (ContentChanged) event;
        assertThat(retired.sequence(), equalTo(7L));
        assertThat(retired.cause().eventId(), equalTo("0b9c6e0a-2f7d-4e53-8c1a-6d2e9f3b4a57"));
        assertThat(retired.cause().eventType(), equalTo("content.retired"));
        assertThat(retired.item().id(), equalTo(ITEM));
        assertThat(retired.item().partnerId(), equalTo(PARTNER));
        assertThat(retired.item().status(), equalTo(ContentStatus.RETIRED));
        assertThat(retired.item().durationSeconds(), equalTo(1800));
        assertThat(retired.item().availableUntil(), equalTo(Instant.parse("2027-01-01T00:00:00Z")));
        assertThat(retired.item().territories(), equalTo(List.of("SG", "HK")));
    }

    @Test
    void whatChangedAndWordsContentServiceAddsLaterAreReadToo() {
        ChangeEvent event = read(Topic.CONTENT, content("content.changed", e -> {
            data(e).put("kind", "PODCAST").put("status", "ARCHIVED").put("somethingNew", true).putArray("changes").add("title");
        }));
        assertThat(((ContentChanged) event).item().kind(), equalTo(ContentKind.OTHER));
        assertThat(((ContentChanged) event).item().status(), equalTo(ContentStatus.OTHER));
    }

    @Test
    void aPartnerEventIsThePartnersStatusAfterTheChange() {
        ChangeEvent event = read(Topic.PARTNER, partner("partner.suspended", e -> { }));
        assertThat(event, instanceOf(PartnerChanged.class));
        assertThat(((PartnerChanged) event).partnerId(), equalTo(PARTNER));
        assertThat(((PartnerChanged) event).status(), equalTo(PartnerStatus.SUSPENDED));
        assertThat(((PartnerChanged) event).sequence(), equalTo(3L));
        ChangeEvent later = read(Topic.PARTNER, partner("partner.reinstated", e -> data(e).put("status", "ON_PROBATION")));
        assertThat(((PartnerChanged) later).status(), equalTo(PartnerStatus.OTHER));
    }

    @Test
    void typesTheScheduleDoesNotUseAreIgnored() {
        assertThat(read(Topic.CONTENT, content("content.archived", e -> { })), instanceOf(Ignored.class));
        assertThat(read(Topic.CONTENT, content("partner.suspended", e -> { })), instanceOf(Ignored.class));
        assertThat(read(Topic.PARTNER, partner("partner.webhook-added", e -> { })), instanceOf(Ignored.class));
    }

    @Test
    void whatIsNotAnEventTheScheduleCanReadIsMalformedAndSaysWhy() {
        Map<String, String> malformed = Map.ofEntries(
                Map.entry("this is not JSON", "not JSON"),
                Map.entry("[]", "not a JSON object"),
                Map.entry("null", "not a JSON object"),
                Map.entry(content("content.retired", e -> e.put("specversion", "0.3")), "CloudEvents"),
                Map.entry(content("content.retired", e -> e.remove("id")), "no id"),
                Map.entry(content("content.retired", e -> e.put("subject", "item-42")), "not a UUID"),
                Map.entry(content("content.retired", e -> e.put("sequence", "7")), "whole number"),
                Map.entry(content("content.retired", e -> e.put("sequence", 7.5)), "whole number"),
                Map.entry(content("content.retired", e -> e.put("sequence", -1)), "whole number"),
                Map.entry(content("content.retired", e -> e.remove("sequence")), "whole number"),
                Map.entry(content("content.retired", e -> e.put("data", "{}")), "no JSON object"),
                Map.entry(content("content.retired", e -> data(e).put("id", UUID.randomUUID().toString())), "not about its subject"),
                Map.entry(content("content.retired", e -> data(e).remove("title")), "no title"),
                Map.entry(content("content.retired", e -> data(e).putNull("availableFrom")), "no availableFrom"),
                Map.entry(content("content.retired", e -> data(e).put("durationSeconds", "long")), "cannot be read"),
                Map.entry(content("content.retired", e -> data(e).putArray("territories").add("sg")), "territory"),
                Map.entry(content("content.retired", e -> data(e).put("title", "x".repeat(301))), "title"),
                Map.entry(content("content.retired", e -> data(e).put("availableUntil", "+300000-01-01T00:00:00Z")), "1970-9999"),
                Map.entry(partner("partner.suspended", e -> data(e).remove("status")), "no status"));
        malformed.forEach((value, why) -> {
            Topic topic = value.contains("partner-service") ? Topic.PARTNER : Topic.CONTENT;
            ChangeEvent event = read(topic, value);
            assertThat(value, event, instanceOf(Malformed.class));
            assertThat(value, ((Malformed) event).problem(), containsString(why));
        });
    }
}

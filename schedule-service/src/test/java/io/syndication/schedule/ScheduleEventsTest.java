package io.syndication.schedule;

import static io.restassured.RestAssured.given;
import static io.syndication.schedule.ScheduleApi.placed;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.syndication.schedule.EventFeed.Item;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.PublishedEvents;
import io.syndication.testing.Tokens;

/**
 * Whatever changes a channel's schedule is announced on the topic schedule, numbered within the
 * channel: slots placed, moved and removed (to the partner whose content they air), the local days
 * of the guide that changed, live events, and heals.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeContentServiceResource.class)
class ScheduleEventsTest {

    /** The partner of every item the fake content-service serves. */
    private static final String FAKE_PARTNER = "6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0001";

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    private PublishedEvents published;

    @BeforeEach
    void readThePublishedEvents() {
        published = new PublishedEvents(connector);
    }

    @Test
    void aPlacedMovedAndRemovedSlotIsAnnouncedWithTheGuideDaysItChanged() {
        String channel = ScheduleApi.channel();
        // 23:30 in Singapore on 30 December
        String slot = placed(channel, FakeContentServiceResource.PROGRAMME, "2026-12-30T15:30:00Z", null);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"start\": \"2026-12-30T16:00:00Z\"}")
                .when().patch("/api/v1/channels/" + channel + "/slots/" + slot).then().statusCode(200);
        // and within 31 December
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body("{\"start\": \"2026-12-30T16:30:00Z\"}")
                .when().patch("/api/v1/channels/" + channel + "/slots/" + slot).then().statusCode(200);
        given().auth().oauth2(Tokens.operator()).when().delete("/api/v1/channels/" + channel + "/slots/" + slot)
                .then().statusCode(204);

        List<JsonNode> events = published.about(channel, 9);
        assertThat(events.stream().map(event -> event.get("type").asText()).toList(), contains("slot.placed", "guide.changed",
                "slot.moved", "guide.changed", "guide.changed", "slot.moved", "guide.changed", "slot.removed", "guide.changed"));
        assertThat(events.stream().map(event -> event.get("sequence").asLong()).toList(),
                contains(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L));
        JsonNode placedEvent = events.get(0);
        assertThat(placedEvent.get("source").asText(), equalTo("/schedule-service"));
        assertThat(placedEvent.get("partnerid").asText(), equalTo(FAKE_PARTNER));
        assertThat(placedEvent.at("/data/slots/0/id").asText(), equalTo(slot));
        assertThat(placedEvent.at("/data/slots/0/start").asText(), equalTo("2026-12-30T15:30:00Z"));
        assertThat(placedEvent.at("/data/slots/0/partnerId").asText(), equalTo(FAKE_PARTNER));

        JsonNode placedDay = events.get(1);
        assertThat(placedDay.has("partnerid"), equalTo(false));
        assertThat(placedDay.at("/data/date").asText(), equalTo("2026-12-30"));
        assertThat(placedDay.at("/data/timeZone").asText(), equalTo("Asia/Singapore"));
        assertThat(placedDay.at("/data/added/0/slotId").asText(), equalTo(slot));
        assertThat(placedDay.at("/data/added/0/start").asText(), equalTo("2026-12-30T23:30:00+08:00"));

        JsonNode moved = events.get(2);
        assertThat(moved.at("/data/slot/start").asText(), equalTo("2026-12-30T16:00:00Z"));
        assertThat(moved.at("/data/previous/start").asText(), equalTo("2026-12-30T15:30:00Z"));
        // across midnight in Singapore: gone from the 30th's guide, new in the 31st's
        JsonNode leftDay = events.get(3);
        assertThat(leftDay.at("/data/date").asText(), equalTo("2026-12-30"));
        assertThat(leftDay.at("/data/removed/0/slotId").asText(), equalTo(slot));
        assertThat(leftDay.at("/data/removed/0/start").asText(), equalTo("2026-12-30T23:30:00+08:00"));
        assertThat(StreamSupport.stream(leftDay.at("/data/retimed").spliterator(), false).toList(), empty());
        JsonNode joinedDay = events.get(4);
        assertThat(joinedDay.at("/data/date").asText(), equalTo("2026-12-31"));
        assertThat(joinedDay.at("/data/added/0/start").asText(), equalTo("2026-12-31T00:00:00+08:00"));
        JsonNode retimedDay = events.get(6);
        assertThat(retimedDay.at("/data/date").asText(), equalTo("2026-12-31"));
        assertThat(retimedDay.at("/data/retimed/0/start").asText(), equalTo("2026-12-31T00:30:00+08:00"));
        assertThat(retimedDay.at("/data/retimed/0/previousStart").asText(), equalTo("2026-12-31T00:00:00+08:00"));

        assertThat(events.get(7).at("/data/slots/0/id").asText(), equalTo(slot));
        assertThat(events.get(8).at("/data/removed/0/slotId").asText(), equalTo(slot));
        assertThat(StreamSupport.stream(events.get(8).at("/data/added").spliterator(), false).toList(), empty());
    }

    @Test
    void aLiveEventIsAnnouncedWithWhatItPushed() {
        String channel = ScheduleApi.channel();
        placed(channel, FakeContentServiceResource.PROGRAMME, "2026-12-29T10:00:00Z", null);
        assertThat(ScheduleApi.live(channel, FakeContentServiceResource.LIVE, "2026-12-29T10:15:00Z", "2026-12-29T10:45:00Z",
                "PUSH").statusCode(), equalTo(201));
        JsonNode live = published.about(channel, "live.inserted", 1).get(0);
        assertThat(live.at("/data/channelId").asText(), equalTo(channel));
        assertThat(live.at("/data/live/kind").asText(), equalTo("LIVE"));
        assertThat(live.at("/data/live/partnerId").asText(), equalTo(FAKE_PARTNER));
        assertThat(live.at("/data/live/start").asText(), equalTo("2026-12-29T10:15:00Z"));
        assertThat(live.at("/data/changes/0/change").asText(), equalTo("TRIMMED"));
    }

    @Test
    void aFillOfManySlotsComesInEventsOfAtMostFiveHundred() {
        String channel = ScheduleApi.channel();
        // 4 days of 10-minute clips: 576 slots
        assertThat(ScheduleApi.fill(channel, "2026-12-24T00:00:00Z", "2026-12-28T00:00:00Z").statusCode(), equalTo(200));
        List<JsonNode> placedEvents = published.about(channel, "slot.placed", 2);
        List<Integer> sizes = placedEvents.stream().map(event -> event.at("/data/slots").size()).toList();
        assertThat(sizes, contains(500, 76));
        // the guide's local days in Singapore: 24 December from 08:00 to 28 December 08:00
        List<JsonNode> days = published.about(channel, "guide.changed", 5);
        assertThat(days.stream().map(day -> day.at("/data/date").asText()).toList(),
                contains("2026-12-24", "2026-12-25", "2026-12-26", "2026-12-27", "2026-12-28"));
        assertThat(days.stream().map(day -> day.at("/data/added").size()).toList(), everyItem(lessThanOrEqualTo(144)));
        assertThat(days.stream().mapToInt(day -> day.at("/data/added").size()).sum(), equalTo(576));
    }

    @Test
    void aHealIsAnnouncedToThePartnerWhoseSlotItWasWithItsCause() {
        EventFeed feed = new EventFeed(connector);
        UUID partner = UUID.randomUUID();
        feed.partner("partner.approved", partner, 2, "ACTIVE");
        Item filler = known(feed, EventFeed.clip(partner, "Market Minute", 10));
        Item programme = known(feed, EventFeed.programme(partner, "Harbour Lights", 25));
        String channel = ScheduleApi.channel(List.of("SG"), List.of(filler.id()), "FILL");
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1) + "T01:00:00Z";
        String slot = placed(channel, programme.id(), tomorrow, null);

        feed.content("content.retired", programme.with("status", "RETIRED"));
        JsonNode healed = published.about(channel, "schedule.healed", 1).get(0);
        assertThat(healed.get("partnerid").asText(), equalTo(partner.toString()));
        assertThat(healed.at("/data/slotId").asText(), equalTo(slot));
        assertThat(healed.at("/data/previousContentId").asText(), equalTo(programme.id()));
        assertThat(healed.at("/data/action").asText(), equalTo("FILLED"));
        assertThat(healed.at("/data/replacements").size(), equalTo(3));
        assertThat(healed.at("/data/replacements/0/contentId").asText(), equalTo(filler.id()));
        assertThat(healed.at("/data/replacements/0/partnerId").asText(), equalTo(partner.toString()));
        assertThat(healed.at("/data/cause").asText(), equalTo(
                given().auth().oauth2(Tokens.operator()).when().get("/api/v1/channels/" + channel + "/heals")
                        .then().extract().path("items[0].eventId")));
        assertThat(published.about(channel, "slot.removed", 1).get(0).at("/data/slots/0/id").asText(), equalTo(slot));
    }

    private static Item known(EventFeed feed, Item item) {
        feed.content("content.approved", item);
        await().atMost(Duration.ofSeconds(30)).until(() -> EventFeed.viewOf(item) != null);
        return item;
    }
}

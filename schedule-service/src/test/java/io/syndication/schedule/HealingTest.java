package io.syndication.schedule;

import static io.restassured.RestAssured.given;
import static io.syndication.schedule.ScheduleApi.heals;
import static io.syndication.schedule.ScheduleApi.placed;
import static io.syndication.schedule.ScheduleApi.slots;
import static io.syndication.schedule.ScheduleApi.validation;
import static io.syndication.testing.Problems.problem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.syndication.schedule.EventFeed.Item;
import io.vertx.core.json.JsonObject;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.TestSql;
import io.syndication.testing.Tokens;
import io.vertx.core.json.JsonArray;

/**
 * The local view kept from content-service's and partner-service's events, and schedules that heal
 * when an event says an item may no longer air where it is scheduled; events sent in memory, against
 * a real PostgreSQL.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeContentServiceResource.class)
class HealingTest {

    /** Events are applied a moment after they are sent; this bounds the wait, generously. */
    private static final Duration APPLIED = Duration.ofSeconds(30);

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector connector;

    @Inject
    MeterRegistry metrics;

    private EventFeed feed;
    /** A partner of this test's own, in good standing. */
    private UUID partner;
    /** A 10-minute filler clip the view knows. */
    private Item filler;

    @BeforeEach
    void anActivePartnerWithAFiller() {
        feed = new EventFeed(connector);
        partner = UUID.randomUUID();
        feed.partner("partner.approved", partner, 2, "ACTIVE");
        filler = EventFeed.clip(partner, "Market Minute", 10);
        known(filler);
    }

    /** content-service approves the item, and the view has it. */
    private Item known(Item item) {
        feed.content("content.approved", item);
        await().atMost(APPLIED).until(() -> EventFeed.viewOf(item) != null);
        return item;
    }

    /** The instant {@code days} days from today (UTC) at {@code time}. */
    private static String day(int days, String time) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(days) + "T" + time + "Z";
    }

    private static JsonPath awaitHeals(String channel, int count) {
        return await().atMost(APPLIED).until(() -> heals(channel, 50, null).jsonPath(),
                heals -> heals.getList("items").size() >= count);
    }

    @Test
    void eventsAreAppliedInSequenceOnceEachAndLateOrRepeatedOnesAreIgnored() {
        Item item = EventFeed.programme(partner, "Version B", 30);
        item.sequence = 1;
        feed.content("content.changed", item.with("title", "Version B"));
        // an older event arriving late, then the same event again (a redelivery), then one of another item
        item.sequence = 0;
        feed.content("content.rejected", item.with("title", "Version A").with("status", "REJECTED"));
        item.sequence = 1;
        feed.content("content.changed", item.with("title", "Version C").with("status", "APPROVED"));
        Item marker = EventFeed.programme(partner, "Marker", 30);
        known(marker);

        assertThat(EventFeed.viewOf(item), contains("APPROVED", "Version B", 2L));
        item.sequence = 2;
        feed.content("content.changed", item.with("title", "Version D"));
        await().atMost(APPLIED).untilAsserted(() -> assertThat(EventFeed.viewOf(item), contains("APPROVED", "Version D", 3L)));
    }

    @Test
    void validationAndFillingReadTheViewAndOnlyPlacementAsksContentService() {
        Item programme = known(EventFeed.programme(partner, "Morning Markets", 30));
        String channel = ScheduleApi.channel(List.of("SG", "HK"), List.of(filler.id()), "FILL");
        String from = day(2, "00:00:00");
        String to = day(2, "02:00:00");
        int before = FakeContentServiceResource.asked(programme.id());
        placed(channel, programme.id(), from, null);
        // placing confirms with content-service, in one call
        assertThat(FakeContentServiceResource.asked(programme.id()), equalTo(before + 1));

        ExtractableResponse<Response> fill = ScheduleApi.fill(channel, from, to);
        assertThat(fill.statusCode(), equalTo(200));
        assertThat(fill.jsonPath().getDouble("coverage"), equalTo(1.0));
        assertThat(validation(channel, from, to).getList("findings"), empty());
        given().auth().oauth2(Tokens.operator()).queryParam("date", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString())
                .when().get("/api/v1/channels/" + channel + "/guide").then().statusCode(200);

        assertThat(FakeContentServiceResource.asked(programme.id()), equalTo(before + 1));
        assertThat(FakeContentServiceResource.asked(filler.id()), equalTo(0));
    }

    @Test
    void anItemOlderThanTheEventsIsAskedAboutOnceThenReadFromTheView() {
        // approved before the events began, of a partner approved before them: no event brings either to the view
        UUID olderPartner = UUID.randomUUID();
        Item older = EventFeed.programme(olderPartner, "Older Markets", 30);
        Item olderFiller = EventFeed.clip(olderPartner, "Older Minute", 10);
        FakeContentServiceResource.serve(older.json, 0);
        FakeContentServiceResource.serve(olderFiller.json, 0);
        String channel = ScheduleApi.channel(List.of("SG", "HK"), List.of(olderFiller.id()), "FILL");
        placed(channel, older.id(), day(3, "03:00:00"), null);
        assertThat(FakeContentServiceResource.asked(older.id()), equalTo(1));
        assertThat(EventFeed.viewOf(older), contains("APPROVED", "Older Markets", 0L));

        // filling asks about the filler it does not hold, once; validating and filling again ask nothing more
        assertThat(ScheduleApi.fill(channel, day(3, "00:00:00"), day(3, "03:00:00")).statusCode(), equalTo(200));
        assertThat(validation(channel, day(3, "00:00:00"), day(3, "03:30:00")).getList("findings"), empty());
        assertThat(ScheduleApi.fill(channel, day(3, "03:30:00"), day(3, "04:00:00")).statusCode(), equalTo(200));
        assertThat(FakeContentServiceResource.asked(older.id()), equalTo(1));
        assertThat(FakeContentServiceResource.asked(olderFiller.id()), equalTo(1));

        // its first event is newer than what content-service said, and heals as any other
        feed.content("content.retired", older.with("status", "RETIRED"));
        JsonPath heals = awaitHeals(channel, 1);
        assertThat(heals.getString("items[0].contentId"), equalTo(older.id()));
    }

    @Test
    void validationFindsWhatTheEventsSayMayNoLongerAir() {
        // content-service approved these before the events began: placing them asks it, and the view keeps its answer
        UUID otherPartner = UUID.randomUUID();
        Item retired = EventFeed.programme(partner, "Retired Markets", 30);
        Item ofSuspended = EventFeed.programme(otherPartner, "Suspended Markets", 30);
        Item shortened = EventFeed.programme(partner, "Shortened Markets", 30);
        List.of(retired, ofSuspended, shortened).forEach(item -> FakeContentServiceResource.serve(item.json, 0));
        String channel = ScheduleApi.channel(List.of("SG", "HK"), List.of(), "FLAG");
        placed(channel, retired.id(), day(4, "00:00:00"), null);
        placed(channel, ofSuspended.id(), day(4, "00:30:00"), null);
        placed(channel, shortened.id(), day(4, "01:30:00"), null);

        feed.content("content.retired", retired.with("status", "RETIRED"));
        feed.partner("partner.suspended", otherPartner, 3, "SUSPENDED");
        // the rights now end before the slot begins
        feed.content("content.changed", shortened.with("availableUntil", day(4, "01:00:00")));
        JsonPath findings = await().atMost(APPLIED).until(() -> validation(channel, day(4, "00:00:00"), day(4, "02:00:00")),
                found -> found.getList("findings").size() == 4);
        assertThat(findings.getList("findings.reason"), contains("CONTENT_NOT_APPROVED", "PARTNER_INACTIVE", "GAP", "RIGHTS_EXPIRED"));
        assertThat(findings.getList("findings.contentId"), contains(retired.id(), ofSuspended.id(), null, shortened.id()));
        assertThat(findings.getString("findings[2].start"), equalTo(day(4, "01:00:00")));
        assertThat(findings.getString("findings[2].end"), equalTo(day(4, "01:30:00")));
    }

    @Test
    void aLateEventDoesNotHealASlotPlacedAfterIt() {
        Item programme = EventFeed.programme(partner, "Late News", 30);
        // content-service has approved the item; its events (submitted, then approved) have not reached the view
        FakeContentServiceResource.serve(programme.json, 2);
        String channel = ScheduleApi.channel(List.of("SG"), List.of(filler.id()), "FILL");
        String slot = placed(channel, programme.id(), day(1, "03:00:00"), null);

        JsonObject submitted = new JsonObject(EventFeed.event("content.submitted", programme.id, 1,
                programme.json.copy().put("status", "SUBMITTED"))).put("time", Instant.now().minusSeconds(60).toString());
        feed.send("content", submitted.encode());
        programme.sequence = 1;
        feed.content("content.approved", programme);
        await().atMost(APPLIED).untilAsserted(() -> assertThat(EventFeed.viewOf(programme), contains("APPROVED", "Late News", 2L)));

        assertThat(ScheduleApi.heals(channel, 10, null).jsonPath().getList("items"), empty());
        assertThat(slots(channel, day(1, "00:00:00"), day(2, "00:00:00")).getList("id"), contains(slot));
    }

    @Test
    void aSlotPlacedOnOlderKnowledgeIsHealedHoweverLateItCommitted() {
        Item programme = known(EventFeed.programme(partner, "Old News", 30));
        String channel = ScheduleApi.channel(List.of("SG"), List.of(filler.id()), "FILL");
        String slot = placed(channel, programme.id(), day(6, "03:00:00"), null);
        // content-service retired the item a minute ago, before the slot was placed on what it said earlier;
        // the event arrives only now
        JsonObject retired = new JsonObject(EventFeed.event("content.retired", programme.id, 2,
                programme.json.copy().put("status", "RETIRED"))).put("time", Instant.now().minusSeconds(60).toString());
        feed.send("content", retired.encode());

        JsonPath heals = awaitHeals(channel, 1);
        assertThat(heals.getString("items[0].slotId"), equalTo(slot));
        assertThat(heals.getString("items[0].action"), equalTo("FILLED"));
    }

    @Test
    void aPlacementJudgedOnAStateTheEventsHaveSincePassedIsRefused() {
        Item programme = known(EventFeed.programme(partner, "Stale Answer", 30));
        JsonObject approved = programme.json.copy();
        feed.content("content.retired", programme.with("status", "RETIRED"));
        await().atMost(APPLIED).until(() -> EventFeed.viewOf(programme).get(2).equals(2L));
        // content-service answered before the retirement: the placement is judged on the item approved, as of
        // its first event, and reaches the schedule after the retirement was applied and healed
        FakeContentServiceResource.serve(approved, 1);
        String channel = ScheduleApi.channel(List.of("SG"), List.of(filler.id()), "FILL");

        ExtractableResponse<Response> refused = ScheduleApi.place(channel, programme.id(), day(6, "05:00:00"), null);
        assertThat(refused.statusCode(), equalTo(409));
        assertThat(refused.contentType(), equalTo("application/problem+json"));
        assertThat(refused.jsonPath().getString("detail"), containsString("changed while it was being placed"));
        assertThat(slots(channel, day(6, "00:00:00"), day(7, "00:00:00")).getList("id"), empty());
    }

    @Test
    void aRetiredItemScheduledTomorrowIsReplacedByFillerCutToFit() {
        Item programme = known(EventFeed.programme(partner, "Harbour Lights", 25));
        String channel = ScheduleApi.channel(List.of("SG"), List.of(filler.id()), "FILL");
        String slot = placed(channel, programme.id(), day(1, "01:00:00"), null);
        placed(channel, programme.id(), day(-1, "01:00:00"), null);

        feed.content("content.retired", programme.with("status", "RETIRED"));
        JsonPath heals = awaitHeals(channel, 1);

        assertThat(heals.getList("items"), hasSize(1));
        assertThat(heals.getString("items[0].slotId"), equalTo(slot));
        assertThat(heals.getString("items[0].contentId"), equalTo(programme.id()));
        assertThat(heals.getString("items[0].action"), equalTo("FILLED"));
        assertThat(heals.getString("items[0].reason"), equalTo("CONTENT_NOT_APPROVED"));
        assertThat(heals.getString("items[0].detail"), containsString("RETIRED"));
        assertThat(heals.getString("items[0].eventType"), equalTo("content.retired"));
        assertThat(heals.getString("items[0].eventId"), notNullValue());
        assertThat(heals.getString("items[0].freedFrom"), equalTo(day(1, "01:00:00")));
        assertThat(heals.getList("items[0].replacements.contentId"), contains(filler.id(), filler.id(), filler.id()));
        assertThat(heals.getList("items[0].replacements.cut"), contains(false, false, true));

        JsonPath tomorrow = slots(channel, day(1, "00:00:00"), day(2, "00:00:00"));
        assertThat(tomorrow.getList("start"), contains(day(1, "01:00:00"), day(1, "01:10:00"), day(1, "01:20:00")));
        assertThat(tomorrow.getList("end"), contains(day(1, "01:10:00"), day(1, "01:20:00"), day(1, "01:25:00")));
        assertThat(tomorrow.getList("kind"), contains("FILLER", "FILLER", "FILLER"));
        assertThat(tomorrow.getList("cut"), contains(false, false, true));
        // what has aired stays as it aired
        assertThat(slots(channel, day(-1, "00:00:00"), day(0, "00:00:00")).getList("contentId"), contains(programme.id()));

        // the guides show the replacement (the slot is 09:00 in Singapore, tomorrow there too)
        String date = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        JsonPath guide = given().auth().oauth2(Tokens.operator()).queryParam("date", date)
                .when().get("/api/v1/channels/" + channel + "/guide").then().statusCode(200).extract().jsonPath();
        assertThat(guide.getList("programmes.contentId"), contains(filler.id(), filler.id(), filler.id()));
        String slug = given().auth().oauth2(Tokens.operator()).when().get("/api/v1/channels/" + channel)
                .then().statusCode(200).extract().path("slug");
        String xmltv = given().auth().oauth2(Tokens.operator()).queryParam("channel", slug).queryParam("date", date)
                .when().get("/api/v1/epg.xml").then().statusCode(200).extract().asString();
        assertThat(xmltv, containsString("Market Minute"));
        assertThat(xmltv, not(containsString("Harbour Lights")));
    }

    @Test
    void aSlotOnAirIsCutAtTheMomentOfHealing() {
        Item programme = known(EventFeed.programme(partner, "Live Desk", 30));
        String channel = ScheduleApi.channel(List.of("SG"), List.of(filler.id()), "FILL");
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
        String slot = placed(channel, programme.id(), start.toString(), null);

        Instant before = Instant.now();
        feed.content("content.rejected", programme.with("status", "REJECTED"));
        JsonPath heals = awaitHeals(channel, 1);
        Instant freedFrom = Instant.parse(heals.getString("items[0].freedFrom"));
        assertThat(freedFrom, greaterThanOrEqualTo(before.truncatedTo(ChronoUnit.MILLIS)));
        assertThat(freedFrom, lessThanOrEqualTo(Instant.now()));

        JsonPath now = slots(channel, start.toString(), start.plus(Duration.ofMinutes(30)).toString());
        assertThat(now.getString("[0].id"), equalTo(slot));
        assertThat(Instant.parse(now.getString("[0].end")), equalTo(freedFrom));
        assertThat(now.getBoolean("[0].cut"), equalTo(true));
        assertThat(Instant.parse(now.getString("[1].start")), equalTo(freedFrom));
        assertThat(now.getString("[1].kind"), equalTo("FILLER"));
    }

    @Test
    void underTheFlagPolicyTheSlotStaysAndValidationReportsIt() {
        Item programme = known(EventFeed.programme(partner, "Night Owls", 30));
        String channel = ScheduleApi.channel(List.of("SG"), List.of(filler.id()), "FLAG");
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/channels/" + channel)
                .then().statusCode(200).body("healing", equalTo("FLAG"));
        String slot = placed(channel, programme.id(), day(1, "02:00:00"), null);

        feed.content("content.retired", programme.with("status", "RETIRED"));
        JsonPath heals = awaitHeals(channel, 1);
        assertThat(heals.getString("items[0].slotId"), equalTo(slot));
        assertThat(heals.getString("items[0].action"), equalTo("FLAGGED"));
        assertThat(heals.getString("items[0].freedFrom"), nullValue());
        assertThat(heals.getList("items[0].replacements"), empty());

        assertThat(slots(channel, day(1, "00:00:00"), day(2, "00:00:00")).getList("id"), contains(slot));
        int asked = FakeContentServiceResource.asked(programme.id());
        JsonPath findings = validation(channel, day(1, "02:00:00"), day(1, "02:30:00"));
        assertThat(findings.getList("findings.reason"), contains("CONTENT_NOT_APPROVED"));
        assertThat(findings.getList("findings.slotId"), contains(slot));
        assertThat(FakeContentServiceResource.asked(programme.id()), equalTo(asked));

        // a later event finding the slot again does not flag it twice for the same reason
        feed.content("content.changed", programme.with("title", "Night Owls (retired)"));
        await().atMost(APPLIED).until(() -> EventFeed.viewOf(programme).get(2).equals(programme.sequence));
        assertThat(heals(channel, 50, null).jsonPath().getList("items"), hasSize(1));
    }

    @Test
    void aSuspendedPartnerHasEveryFutureSlotOfItsContentHealedOnEveryChannel() {
        UUID suspended = UUID.randomUUID();
        feed.partner("partner.approved", suspended, 2, "ACTIVE");
        Item first = known(EventFeed.programme(suspended, "Cricket Tonight", 30));
        Item second = known(EventFeed.clip(suspended, "Six of the Best", 10));
        String one = ScheduleApi.channel(List.of("SG"), List.of(filler.id()), "FILL");
        String other = ScheduleApi.channel(List.of("SG", "IN"), List.of(filler.id()), "FILL");
        placed(one, first.id(), day(1, "10:00:00"), null);
        placed(one, first.id(), day(-2, "10:00:00"), null);
        placed(other, second.id(), day(1, "10:00:00"), null);
        placed(other, first.id(), day(3, "10:00:00"), null);

        feed.partner("partner.suspended", suspended, 3, "SUSPENDED");
        assertThat(awaitHeals(one, 1).getList("items.reason"), contains("PARTNER_INACTIVE"));
        assertThat(awaitHeals(other, 2).getList("items.contentId"), containsInAnyOrder(second.id(), first.id()));

        assertThat(slots(one, day(1, "10:00:00"), day(1, "10:30:00")).getList("contentId"),
                contains(filler.id(), filler.id(), filler.id()));
        assertThat(slots(other, day(3, "10:00:00"), day(3, "10:30:00")).getList("kind"), contains("FILLER", "FILLER", "FILLER"));
        // the slot that has aired stays
        assertThat(slots(one, day(-2, "10:00:00"), day(-2, "10:30:00")).getList("contentId"), contains(first.id()));
        assertThat(heals(other, 50, null).jsonPath().getList("items"), hasSize(2));
    }

    @Test
    void aShrunkRightsWindowHealsOnlyTheSlotsPastItsNewEnd() {
        Item programme = known(EventFeed.programme(partner, "Market Wrap", 30));
        String channel = ScheduleApi.channel(List.of("SG"), List.of(filler.id()), "FILL");
        String kept = placed(channel, programme.id(), day(1, "12:00:00"), null);
        String straddling = placed(channel, programme.id(), day(3, "23:45:00"), null);
        String later = placed(channel, programme.id(), day(5, "12:00:00"), null);

        feed.content("content.changed", programme.with("availableUntil", day(4, "00:00:00")));
        JsonPath heals = awaitHeals(channel, 2);
        assertThat(heals.getList("items.slotId"), containsInAnyOrder(straddling, later));
        assertThat(heals.getList("items.reason"), contains("RIGHTS_EXPIRED", "RIGHTS_EXPIRED"));
        assertThat(slots(channel, day(1, "00:00:00"), day(2, "00:00:00")).getList("id"), contains(kept));
        // the filler airs in the straddling slot's place, up to its own rights
        assertThat(slots(channel, day(3, "23:45:00"), day(4, "00:15:00")).getList("kind"), contains("FILLER", "FILLER", "FILLER"));
    }

    @Test
    void aTerritoryNoLongerLicensedHealsOnlyTheChannelsItNoLongerCovers() {
        Item programme = known(EventFeed.programme(partner, "Tokyo Close", 30));
        String singapore = ScheduleApi.channel(List.of("SG"), List.of(filler.id()), "FILL");
        String india = ScheduleApi.channel(List.of("SG", "IN"), List.of(filler.id()), "FILL");
        String stays = placed(singapore, programme.id(), day(2, "08:00:00"), null);
        String healed = placed(india, programme.id(), day(2, "08:00:00"), null);

        feed.content("content.changed", programme.with("territories", new JsonArray().add("SG").add("HK")));
        JsonPath heals = awaitHeals(india, 1);
        assertThat(heals.getString("items[0].slotId"), equalTo(healed));
        assertThat(heals.getString("items[0].reason"), equalTo("TERRITORY_MISMATCH"));
        assertThat(heals(singapore, 50, null).jsonPath().getList("items"), empty());
        assertThat(slots(singapore, day(2, "00:00:00"), day(3, "00:00:00")).getList("id"), contains(stays));
    }

    @Test
    void withoutAFillerThatMayAirTheTimeIsLeftAGapThatValidationReports() {
        Item programme = known(EventFeed.programme(partner, "Quiet Hours", 30));
        String channel = ScheduleApi.channel(List.of("SG", "JP"), List.of(filler.id()), "FILL");
        // the filler is not licensed for JP, the programme was
        feed.content("content.changed", programme.with("territories", new JsonArray().add("SG").add("JP")));
        await().atMost(APPLIED).until(() -> EventFeed.viewOf(programme).get(2).equals(2L));
        String slot = placed(channel, programme.id(), day(2, "04:00:00"), null);

        feed.content("content.retired", programme.with("status", "RETIRED"));
        JsonPath heals = awaitHeals(channel, 1);
        assertThat(heals.getString("items[0].slotId"), equalTo(slot));
        assertThat(heals.getString("items[0].action"), equalTo("CLEARED"));
        assertThat(validation(channel, day(2, "04:00:00"), day(2, "04:30:00")).getList("findings.reason"), contains("GAP"));
    }

    @Test
    void aBatchIsAppliedInOrderAndOnlyWhatCannotBeStoredIsPassedOver() {
        Item first = EventFeed.programme(partner, "First Light", 30);
        Item second = EventFeed.programme(partner, "Second Wind", 30);
        Item unstorable = EventFeed.programme(partner, "Nul\u0000Title", 30);
        String channel = ScheduleApi.channel(List.of("SG"), List.of(filler.id()), "FILL");
        FakeContentServiceResource.serve(second.json, 0);
        String slot = placed(channel, second.id(), day(5, "06:00:00"), null);
        String firstApproved = EventFeed.event("content.approved", first.id, 1, first.json.copy());
        String firstRenamed = EventFeed.event("content.changed", first.id, 2, first.json.copy().put("title", "First Light, Renamed"));
        feed.batch("content", List.of(firstApproved, EventFeed.event("content.approved", unstorable.id, 1, unstorable.json),
                "this is not JSON", EventFeed.event("content.retired", second.id, 1, second.json.copy().put("status", "RETIRED")),
                firstRenamed, firstApproved));

        JsonPath heals = awaitHeals(channel, 1);
        assertThat(heals.getString("items[0].slotId"), equalTo(slot));
        assertThat(EventFeed.viewOf(first), contains("APPROVED", "First Light, Renamed", 2L));
        assertThat(EventFeed.viewOf(second), contains("RETIRED", "Second Wind", 1L));
        assertThat(EventFeed.viewOf(unstorable), nullValue());
    }

    @Test
    void aMalformedRecordIsPassedOverAndTheNextOneStillApplied() {
        Item item = EventFeed.programme(partner, "After the Noise", 30);
        feed.send("content", "this is not JSON");
        feed.send("content", "{\"specversion\": \"1.0\", \"id\": \"x\", \"type\": \"content.approved\"}");
        feed.send("content", EventFeed.event("content.approved", item.id, 1, item.json).replace("\"sequence\":1", "\"sequence\":\"one\""));
        // data about another item than the event's subject
        feed.send("content", EventFeed.event("content.approved", UUID.randomUUID(), 1, item.json));
        // an instant no schedule holds, and a text PostgreSQL cannot store (a NUL character)
        Item beyond = EventFeed.programme(partner, "Far Future", 30).with("availableFrom", "+300000-01-01T00:00:00Z");
        feed.send("content", EventFeed.event("content.approved", beyond.id, 1, beyond.json));
        Item unstorable = EventFeed.programme(partner, "Nul\u0000Title", 30);
        feed.send("content", EventFeed.event("content.approved", unstorable.id, 1, unstorable.json));
        // a type added later is no failure either
        feed.send("content", EventFeed.event("content.archived", item.id, 1, item.json));
        feed.send("partner", "[]");

        known(item);
        assertThat(EventFeed.viewOf(item), contains("APPROVED", "After the Noise", 1L));
        assertThat(EventFeed.viewOf(beyond), nullValue());
        assertThat(EventFeed.viewOf(unstorable), nullValue());

        UUID suspended = UUID.randomUUID();
        feed.partner("partner.suspended", suspended, 4, "SUSPENDED");
        Item ofSuspended = known(EventFeed.programme(suspended, "Of a suspended partner", 30));
        // content-service has not heard yet (it answers the slot may be placed); the view has, and refuses it
        String channel = ScheduleApi.channel(List.of("SG"), List.of(), "FLAG");
        ExtractableResponse<Response> refused = ScheduleApi.place(channel, ofSuspended.id(), day(9, "09:00:00"), null);
        assertThat(refused.statusCode(), equalTo(422));
        assertThat(refused.contentType(), equalTo("application/problem+json"));
        assertThat(refused.jsonPath().getList("violations.field"), contains("PARTNER_INACTIVE"));
        assertThat(refused.jsonPath().getString("violations[0].message"), containsString("SUSPENDED"));
        assertThat(slots(channel, day(9, "00:00:00"), day(10, "00:00:00")).getList("id"), empty());
    }

    @Test
    void anEventTheDatabaseRefusesIsTriedAgainUntilItIsAppliedNeverSkipped() {
        Item programme = known(EventFeed.programme(partner, "Second Chance", 30));
        String channel = ScheduleApi.channel(List.of("SG"), List.of(filler.id()), "FILL");
        String slot = placed(channel, programme.id(), day(2, "06:00:00"), null);
        double retries = metrics.counter("schedule.feed.retries", "topic", "content").count();
        TestSql.run("ALTER TABLE heal RENAME TO heal_away");
        try {
            feed.content("content.retired", programme.with("status", "RETIRED"));
            await().atMost(APPLIED).until(() -> metrics.counter("schedule.feed.retries", "topic", "content").count() > retries);
            // the view took nothing of it: the event and its heals commit together, or not at all
            assertThat(EventFeed.viewOf(programme).get(0), equalTo("APPROVED"));
        } finally {
            TestSql.run("ALTER TABLE heal_away RENAME TO heal");
        }
        assertThat(awaitHeals(channel, 1).getString("items[0].slotId"), equalTo(slot));
        assertThat(EventFeed.viewOf(programme).get(0), equalTo("RETIRED"));
    }

    @Test
    void healsArePagedNewestFirstAndABadCursorIsA400Problem() {
        Item programme = known(EventFeed.programme(partner, "Paged", 30));
        String channel = ScheduleApi.channel(List.of("SG"), List.of(filler.id()), "FILL");
        List<String> placedSlots = new ArrayList<>();
        for (int hour = 10; hour < 15; hour++) {
            placedSlots.add(placed(channel, programme.id(), day(2, hour + ":00:00"), null));
        }
        feed.content("content.retired", programme.with("status", "RETIRED"));
        awaitHeals(channel, 5);

        List<String> seen = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonPath page = heals(channel, 2, next).jsonPath();
            assertThat(page.getList("items").size(), lessThanOrEqualTo(2));
            seen.addAll(page.getList("items.slotId"));
            next = page.getString("next");
            pages++;
        } while (next != null && pages < 10);
        assertThat(pages, equalTo(3));
        assertThat(seen, containsInAnyOrder(placedSlots.toArray()));
        // newest first: recorded in start order, listed the other way round
        assertThat(seen.get(0), equalTo(placedSlots.get(4)));

        heals(channel, 2, "!!not-a-cursor").response().then().spec(problem(400)).body("type", containsString("invalid-cursor"));
        String notAPosition = Base64.getUrlEncoder().withoutPadding().encodeToString("abc".getBytes(StandardCharsets.UTF_8));
        heals(channel, 2, notAPosition).response().then().spec(problem(400)).body("type", containsString("invalid-cursor"));
        heals(channel, 0, null).response().then().spec(problem(400));
        heals(UUID.randomUUID().toString(), 2, null).response().then().spec(problem(404));
        given().auth().oauth2(Tokens.partner(partner)).when().get("/api/v1/channels/" + channel + "/heals")
                .then().spec(problem(403));
    }
}

package io.syndication.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.syndication.e2e.WebhookReceiver.Delivery;
import io.syndication.testing.XmltvStructure;

/**
 * Changes propagate, through the gateway, over the real Kafka broker: a partner's whole life and its
 * content's reach its webhooks signed, once each and in order per subject, as they are on the topics; an
 * item retired while it is on tomorrow's schedule leaves the JSON guide and the XMLTV within 10 seconds,
 * its time filled; and content-service stopped or killed in the middle of a stream of writes loses no
 * acknowledged write's event and delivers none twice.
 */
@ExtendWith(Platform.class)
class EventsEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A channel whose local day is not the UTC one: +05:30. */
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    /**
     * A generous bound for guides to show a heal: how soon they do (the 10 s) is measured by
     * benchmarks/events.sh, not asserted on a machine that may be busy.
     */
    private static final Duration GUIDES_HEALED = Duration.ofSeconds(60);
    /** A generous bound for an event to travel outbox, broker and webhook (a restarted service's relay included). */
    private static final Duration DELIVERED = Duration.ofSeconds(60);
    private static final List<String> TOPICS = List.of("partner", "content", "schedule");

    /** A webhook subscription: its id and its signing secret, shown once. */
    private record Subscription(String id, String secret) {
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(Platform.suite().gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static Subscription subscribe(String token, String url, List<String> types) {
        var created = as(token).body(Map.of("url", url, "eventTypes", types))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract();
        String secret = created.path("secret");
        assertThat(secret, startsWith("whsec_"));
        return new Subscription(created.path("id"), secret);
    }

    private static void unsubscribe(String token, Subscription subscription) {
        as(token).when().delete("/api/v1/webhooks/" + subscription.id()).then().statusCode(204);
    }

    /** An item's fields: {@code fields} and the rest as a partner might send them. */
    private static Map<String, Object> item(Map<String, Object> fields) {
        Map<String, Object> item = new HashMap<>(Map.of("language", "en", "categories", List.of("LIFESTYLE"),
                "mediaUrl", "https://cdn.events.example/" + fields.get("externalId") + ".m3u8", "ageRating", "ALL_AGES",
                "availableFrom", "2026-01-01T00:00:00Z", "synopsis", "Tea and travel."));
        item.putAll(fields);
        return item;
    }

    /** An item of the partner's, submitted by the partner and approved by the admin; its id. */
    private static String approved(String partner, String admin, Map<String, Object> fields) {
        String id = as(partner).body(item(fields)).when().post("/api/v1/content").then().statusCode(201).extract().path("id");
        as(partner).when().post("/api/v1/content/" + id + "/submit").then().statusCode(200);
        String reviewed = as(admin).when().get("/api/v1/content/" + id).then().statusCode(200).extract().header("ETag");
        as(admin).header("If-Match", reviewed).when().post("/api/v1/content/" + id + "/approve").then().statusCode(200);
        return id;
    }

    /** The event types the gateway's AsyncAPI document describes: its messages' names. */
    private static Set<String> documentedEventTypes() throws IOException {
        JsonNode document = JSON.readTree(given().baseUri(Platform.suite().gatewayUrl()).queryParam("format", "json")
                .when().get("/asyncapi").then().statusCode(200).extract().asString());
        Set<String> types = new TreeSet<>();
        document.path("components").path("messages").forEach(message -> types.add(message.path("name").asText()));
        return types;
    }

    private static List<String> ids(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::id).toList();
    }

    private static Set<String> distinctIds(List<PlatformEvent> events) {
        return events.stream().map(PlatformEvent::id).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The types of each subject's events, in the order they came, by subject. */
    private static Map<String, List<String>> typesBySubject(List<PlatformEvent> events) {
        Map<String, List<String>> types = new LinkedHashMap<>();
        events.forEach(event -> types.computeIfAbsent(event.subject(), subject -> new ArrayList<>()).add(event.type()));
        return types;
    }

    /**
     * What a receiver following Standard Webhooks checks of each delivery at a subscription: signed with
     * its secret, its webhook-id the event's id and never seen before, and each subject's events in
     * sequence order.
     */
    private static void assertDeliveredOnceEachSignedAndInOrder(List<Delivery> deliveries, Subscription subscription) {
        assertThat(deliveries.stream().filter(delivery -> !delivery.signedWith(subscription.secret())).map(Delivery::id).toList(),
                empty());
        assertThat(deliveries.stream().filter(delivery -> !delivery.id().equals(delivery.event().id())).map(Delivery::id).toList(),
                empty());
        List<String> ids = ids(deliveries);
        assertThat("delivered more than once: " + ids, new HashSet<>(ids).size(), equalTo(ids.size()));
        Map<String, Long> lastSequence = new HashMap<>();
        for (Delivery delivery : deliveries) {
            PlatformEvent event = delivery.event();
            long before = lastSequence.getOrDefault(event.subject(), 0L);
            assertThat(event.type() + " " + event.id() + " of " + event.subject() + " after sequence " + before,
                    event.sequence(), greaterThan(before));
            lastSequence.put(event.subject(), event.sequence());
        }
    }

    /** The guide's programmes that overlap [from, to) are all of {@code filler}, back to back, and cover it. */
    private static void assertCoveredBy(List<Map<String, Object>> programmes, String filler, Instant from, Instant to) {
        List<Map<String, Object>> overlapping = programmes.stream()
                .filter(programme -> start(programme).isBefore(to) && end(programme).isAfter(from))
                .sorted(Comparator.comparing(EventsEndToEndTest::start))
                .toList();
        assertThat(overlapping, not(empty()));
        assertThat(overlapping.stream().map(programme -> programme.get("contentId")).toList(), everyItem(equalTo(filler)));
        assertThat(start(overlapping.get(0)), lessThanOrEqualTo(from));
        for (int i = 1; i < overlapping.size(); i++) {
            assertThat(start(overlapping.get(i)), equalTo(end(overlapping.get(i - 1))));
        }
        assertThat(end(overlapping.get(overlapping.size() - 1)).isBefore(to), is(false));
    }

    private static Instant start(Map<String, Object> programme) {
        return OffsetDateTime.parse((String) programme.get("start")).toInstant();
    }

    private static Instant end(Map<String, Object> programme) {
        return OffsetDateTime.parse((String) programme.get("end")).toInstant();
    }

    @Test
    void aPartnersLifeReachesItsWebhooksSignedOnceEachInOrderAndARetiredItemLeavesTomorrowsGuidesWithinTenSeconds()
            throws IOException {
        String admin = Platform.token("suite-admin");
        String operator = Platform.token("suite-operator");
        Set<String> documented = documentedEventTypes();
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (WebhookReceiver receiver = new WebhookReceiver();
                BrokerEvents broker = new BrokerEvents(Platform.suite().kafkaBootstrapServers(), TOPICS)) {
            // the platform's own subscription, made before the partner applies: it sees the partner's whole life
            Subscription platformWide = subscribe(admin, receiver.url("/platform"), List.of());
            Subscription own = null;
            try {
                Platform.Partner partner = Platform.approvedPartner("events", "IN");
                // and the partner's own, for every type it may receive
                own = subscribe(partner.token(), receiver.url("/hooks"), List.of());
                as(admin).body(Map.of("reason", "The rights paperwork for next season is overdue"))
                        .when().post("/api/v1/partners/" + partner.id() + "/suspend").then().statusCode(200);
                as(admin).body("{}").when().post("/api/v1/partners/" + partner.id() + "/reinstate").then().statusCode(200);

                String token = partner.token();
                String title = "Monsoon Journeys " + run;
                String programme = approved(token, admin, Map.of("externalId", "monsoon-" + run, "kind", "PROGRAMME",
                        "title", title, "durationSeconds", 45 * 60, "territories", List.of("IN")));
                String filler = approved(token, admin, Map.of("externalId", "chai-" + run, "kind", "CLIP",
                        "title", "Chai Break " + run, "durationSeconds", 10 * 60, "territories", List.of("IN")));

                String slug = "events-" + run + ".in.example";
                String channel = as(operator).body(Map.of("slug", slug, "name", "Journeys", "timeZone", KOLKATA.getId(),
                        "territories", List.of("IN"), "fillerContentIds", List.of(filler)))
                        .when().post("/api/v1/channels").then().statusCode(201)
                        .body("healing", equalTo("FILL"))
                        .extract().path("id");
                String channelPath = "/api/v1/channels/" + channel;
                LocalDate tomorrow = LocalDate.now(KOLKATA).plusDays(1);
                Instant dayStart = tomorrow.atStartOfDay(KOLKATA).toInstant();
                Instant dayEnd = tomorrow.plusDays(1).atStartOfDay(KOLKATA).toInstant();
                Instant slotStart = tomorrow.atTime(10, 0).atZone(KOLKATA).toInstant();
                Instant slotEnd = slotStart.plus(Duration.ofMinutes(45));
                // schedule-service refuses a suspended partner's content (422) until its view has the reinstatement
                String slot = await().atMost(DELIVERED).pollInterval(Duration.ofMillis(200))
                        .until(() -> as(operator).body(Map.of("contentId", programme, "start", slotStart.toString()))
                                .when().post(channelPath + "/slots"), placed -> placed.statusCode() != 422)
                        .then().statusCode(201).extract().path("id");
                as(operator).queryParam("from", dayStart.toString()).queryParam("to", dayEnd.toString())
                        .when().post(channelPath + "/fill").then().statusCode(200).body("coverage", equalTo(1.0f));
                // both guides announce the item before it is retired
                as(operator).queryParam("date", tomorrow.toString()).when().get(channelPath + "/guide")
                        .then().statusCode(200).body("programmes.contentId", hasItem(programme));
                assertThat(as(operator).queryParam("channel", slug).queryParam("date", tomorrow.toString())
                        .when().get("/api/v1/epg.xml").then().statusCode(200).extract().asString(), containsString(title));

                as(token).when().post("/api/v1/content/" + programme + "/retire").then().statusCode(200);
                await().atMost(GUIDES_HEALED).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    List<Map<String, Object>> programmes = as(operator).queryParam("date", tomorrow.toString())
                            .when().get(channelPath + "/guide").then().statusCode(200).extract().jsonPath().getList("programmes");
                    assertThat(programmes.stream().map(one -> one.get("contentId")).toList(), not(hasItem(programme)));
                    assertCoveredBy(programmes, filler, slotStart, slotEnd);
                    String xmltv = as(operator).queryParam("channel", slug).queryParam("date", tomorrow.toString())
                            .when().get("/api/v1/epg.xml").then().statusCode(200).extract().asString();
                    assertThat(xmltv, not(containsString(title)));
                    assertThat(xmltv, containsString("Chai Break " + run));
                    assertThat(XmltvStructure.problems(xmltv), empty());
                });

                // every event of the partner on the topics reaches both subscriptions
                String partnerId = partner.id();
                await().atMost(DELIVERED).untilAsserted(() -> {
                    List<PlatformEvent> published = broker.of(partnerId);
                    assertThat(typesBySubject(published).get(programme), hasItem("content.retired"));
                    Set<String> platformReceived = distinctIds(receiver.at("/platform").stream().map(Delivery::event)
                            .filter(event -> partnerId.equals(event.partnerId())).toList());
                    assertThat(platformReceived, equalTo(distinctIds(published)));
                    // the partner subscribed once approved: what came before may or may not have reached it
                    long approval = published.stream().filter(event -> event.type().equals("partner.approved"))
                            .mapToLong(PlatformEvent::sequence).findFirst().orElseThrow();
                    Set<String> sinceSubscribing = distinctIds(published.stream()
                            .filter(event -> !(event.subject().equals(partnerId) && event.sequence() <= approval)).toList());
                    assertThat(distinctIds(receiver.at("/hooks").stream().map(Delivery::event).toList())
                            .containsAll(sinceSubscribing), is(true));
                });
                List<PlatformEvent> published = broker.of(partnerId);
                List<Delivery> platformDeliveries = receiver.at("/platform").stream()
                        .filter(delivery -> partnerId.equals(delivery.event().partnerId())).toList();
                List<Delivery> ownDeliveries = receiver.at("/hooks");
                System.out.printf("[events] %d events of the partner on the topics, %d delivered platform-wide, %d to the partner: %s%n",
                        published.size(), platformDeliveries.size(), ownDeliveries.size(),
                        typesBySubject(ownDeliveries.stream().map(Delivery::event).toList()));

                assertDeliveredOnceEachSignedAndInOrder(platformDeliveries, platformWide);
                assertDeliveredOnceEachSignedAndInOrder(ownDeliveries, own);
                assertThat(ownDeliveries.stream().map(delivery -> delivery.event().partnerId()).toList(),
                        everyItem(equalTo(partnerId)));
                // the partner's whole life, and its items', in order (schedule events, about the channel, may come too)
                Map<String, List<String>> lives = typesBySubject(platformDeliveries.stream().map(Delivery::event).toList());
                assertThat(lives.get(partnerId), contains("partner.applied", "partner.approved", "partner.suspended",
                        "partner.reinstated"));
                assertThat(lives.get(programme), contains("content.submitted", "content.approved", "content.retired"));
                assertThat(lives.get(filler), contains("content.submitted", "content.approved"));
                Map<String, List<String>> ownLives = typesBySubject(ownDeliveries.stream().map(Delivery::event).toList());
                assertThat(ownLives.get(partnerId).subList(ownLives.get(partnerId).size() - 2, ownLives.get(partnerId).size()),
                        contains("partner.suspended", "partner.reinstated"));
                assertThat(ownLives.get(programme), contains("content.submitted", "content.approved", "content.retired"));
                assertThat(ownLives.get(filler), contains("content.submitted", "content.approved"));
                Set<String> received = new TreeSet<>();
                platformDeliveries.forEach(delivery -> received.add(delivery.event().type()));
                ownDeliveries.forEach(delivery -> received.add(delivery.event().type()));
                assertThat(received, everyItem(is(in(documented))));

                // the heal is on record, caused by the event that retired the item
                String retired = published.stream()
                        .filter(event -> event.subject().equals(programme) && event.type().equals("content.retired"))
                        .map(PlatformEvent::id).findFirst().orElseThrow();
                JsonPath heals = as(operator).when().get(channelPath + "/heals").then().statusCode(200).extract().jsonPath();
                assertThat(heals.getList("items.slotId"), contains(slot));
                assertThat(heals.getString("items[0].contentId"), equalTo(programme));
                assertThat(heals.getString("items[0].action"), equalTo("FILLED"));
                assertThat(heals.getString("items[0].eventType"), equalTo("content.retired"));
                assertThat(heals.getString("items[0].eventId"), equalTo(retired));
                assertThat(heals.getString("items[0].freedFrom"), equalTo(slotStart.toString()));
                assertThat(heals.getList("items[0].replacements.contentId"), everyItem(equalTo(filler)));
                assertThat(heals.getList("items[0].replacements.cut"), contains(false, false, false, false, true));
            } finally {
                unsubscribe(admin, platformWide);
                if (own != null) {
                    unsubscribe(admin, own);
                }
            }
        }
    }

    @Test
    void theWebhookUrlOfAnApplicationBecomesThePartnersFirstSubscriptionOnApproval() {
        String admin = Platform.token("suite-admin");
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, Object> application = new HashMap<>(Platform.application("hooked", "IN"));
            application.put("webhookUrl", receiver.url("/applied"));
            String id = given().baseUri(Platform.suite().gatewayUrl()).contentType(ContentType.JSON).body(application)
                    .when().post("/api/v1/applications").then().log().ifValidationFails().statusCode(201).extract().path("id");
            var approval = as(admin).body("{}").when().post("/api/v1/partners/" + id + "/approve")
                    .then().statusCode(200).extract();
            Subscription first = new Subscription(approval.path("webhook.id"), approval.path("webhook.secret"));
            assertThat(approval.path("webhook.url"), equalTo(receiver.url("/applied")));
            assertThat(first.secret(), startsWith("whsec_"));
            try {
                // made in the approval's transaction, it gets the approval itself
                List<Delivery> deliveries = await().atMost(DELIVERED).until(() -> receiver.at("/applied"),
                        arrived -> arrived.stream().anyMatch(delivery -> delivery.event().type().equals("partner.approved")));
                assertDeliveredOnceEachSignedAndInOrder(deliveries, first);
                assertThat(deliveries.get(0).event().subject(), equalTo(id));
            } finally {
                unsubscribe(admin, first);
            }
        }
    }

    /** Writes per run; the service goes away at the first index and the stream waits for it at the second. */
    private static final int WRITES = 200;
    private static final int OUTAGE_AT = 60;
    private static final int BACK_AT = 140;

    @ParameterizedTest(name = "content-service {0} mid-stream")
    @ValueSource(strings = { "stopped", "killed" })
    void aContentServiceStoppedOrKilledMidStreamLosesNoAcknowledgedWritesEventAndDeliversNoneTwice(String how)
            throws Exception {
        Platform.Partner partner = Platform.approvedPartner("relay-" + how, "SG");
        String token = partner.token();
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (WebhookReceiver receiver = new WebhookReceiver();
                BrokerEvents broker = new BrokerEvents(Platform.suite().kafkaBootstrapServers(), List.of("content"))) {
            Subscription subscription = subscribe(token, receiver.url("/relay"), List.of("content.submitted"));
            // the drafts in one batch: only their submissions, which announce them, make the stream
            List<Map<String, Object>> drafts = new ArrayList<>();
            for (int i = 0; i < WRITES; i++) {
                drafts.add(item(Map.of("externalId", "relay-" + run + "-" + i, "kind", "CLIP", "title", "Relay " + run + " " + i,
                        "durationSeconds", 60, "territories", List.of("SG"))));
            }
            JsonPath batch = as(token).body(Map.of("items", drafts)).when().post("/api/v1/content/batch")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(batch.getList("results.outcome"), everyItem(equalTo("CREATED")));
            List<String> items = batch.getList("results.id");

            Set<String> acknowledged = new HashSet<>();
            Set<String> acknowledgedAfterwards = new HashSet<>();
            Map<Integer, Integer> statuses = new TreeMap<>();
            ExecutorService outages = Executors.newSingleThreadExecutor();
            try {
                Future<?> outage = null;
                for (int i = 0; i < WRITES; i++) {
                    if (i == OUTAGE_AT) {
                        outage = outages.submit(() -> {
                            try {
                                if (how.equals("killed")) {
                                    Platform.suite().kill("content-service");
                                } else {
                                    Platform.suite().stop("content-service");
                                }
                            } finally {
                                Platform.suite().start("content-service");
                            }
                        });
                    }
                    if (i == BACK_AT) {
                        outage.get();
                        // the gateway may take a moment to see it back
                        await().atMost(DELIVERED).pollInterval(Duration.ofMillis(250)).until(() ->
                                as(token).when().get("/api/v1/content?limit=1").then().extract().statusCode() == 200);
                    }
                    int status = as(token).when().post("/api/v1/content/" + items.get(i) + "/submit").then().extract().statusCode();
                    statuses.merge(status, 1, Integer::sum);
                    if (status == 200) {
                        acknowledged.add(items.get(i));
                        if (i >= BACK_AT) {
                            acknowledgedAfterwards.add(items.get(i));
                        }
                    }
                }
            } finally {
                // whatever happened above, the service is back before the next test
                outages.shutdown();
                outages.awaitTermination(5, TimeUnit.MINUTES);
            }
            System.out.printf("[events] %d submissions with content-service %s at %d: answers %s%n", WRITES, how, OUTAGE_AT,
                    statuses);
            // a write refused while the service is away says so as the gateway's 502, 503 or 504, never otherwise
            assertThat(statuses.keySet(), everyItem(is(in(List.of(200, 502, 503, 504)))));
            assertThat(acknowledged.size(), greaterThan(OUTAGE_AT - 1));
            assertThat(acknowledgedAfterwards, not(empty()));

            String partnerId = partner.id();
            await().atMost(DELIVERED).untilAsserted(() -> {
                List<PlatformEvent> published = broker.of(partnerId);
                Set<String> submittedOnTheBus = published.stream().map(PlatformEvent::subject).collect(Collectors.toSet());
                assertThat(acknowledged.stream().filter(item -> !submittedOnTheBus.contains(item)).toList(), empty());
                assertThat(new TreeSet<>(ids(receiver.at("/relay"))), equalTo(distinctIds(published)));
            });
            List<PlatformEvent> published = broker.of(partnerId);
            List<Delivery> deliveries = receiver.at("/relay");
            Set<String> distinct = distinctIds(published);
            System.out.printf("[events] content.submitted on the topic: %d records, %d events (%d published again);"
                    + " %d acknowledged writes, %d delivered%n", published.size(), distinct.size(),
                    published.size() - distinct.size(), acknowledged.size(), deliveries.size());

            // one write, one event: a record published again is the same event, never a second one
            Map<String, PlatformEvent> byId = new HashMap<>();
            for (PlatformEvent event : published) {
                PlatformEvent first = byId.putIfAbsent(event.id(), event);
                assertThat(event + " published again as " + first, first == null || first.sameAs(event), is(true));
            }
            Map<String, Set<String>> eventsByItem = new HashMap<>();
            byId.values().forEach(event -> eventsByItem.computeIfAbsent(event.subject(), item -> new HashSet<>()).add(event.id()));
            assertThat(eventsByItem.entrySet().stream().filter(item -> item.getValue().size() != 1).toList(), empty());
            assertThat(byId.values().stream().map(PlatformEvent::type).collect(Collectors.toSet()), contains("content.submitted"));
            assertThat(items.containsAll(eventsByItem.keySet()), is(true));
            // at the receiver: every acknowledged write's event, once, signed
            assertDeliveredOnceEachSignedAndInOrder(deliveries, subscription);
            Set<String> delivered = deliveries.stream().map(delivery -> delivery.event().subject()).collect(Collectors.toSet());
            assertThat(acknowledged.stream().filter(item -> !delivered.contains(item)).toList(), empty());
            unsubscribe(token, subscription);
        }
    }
}

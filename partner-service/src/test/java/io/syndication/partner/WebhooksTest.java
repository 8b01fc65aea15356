package io.syndication.partner;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.syndication.partner.Receiver.Received;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.PublishedEvents;
import io.syndication.testing.Tokens;

/**
 * Partners subscribe to the platform's events and receive them signed (Standard Webhooks), their own
 * only, in order per subject, retried when their endpoint fails, and never at the cost of an
 * unbounded wait on an endpoint that hangs, redirects or answers without end.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
class WebhooksTest {

    @Inject
    @Connector("smallrye-in-memory")
    InMemoryConnector broker;

    private Receiver receiver;
    private String partnerId;
    private String partner;

    @BeforeEach
    void aPartnerWithAnEndpoint() throws IOException {
        receiver = new Receiver();
        partnerId = PartnerApi.approved("hooks");
        partner = Tokens.partner(UUID.fromString(partnerId));
    }

    @AfterEach
    void closeTheEndpoint() {
        receiver.close();
    }

    private ExtractableResponse<Response> subscribe(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/webhooks").then().extract();
    }

    /** A subscription of the partner's to {@code path} on the receiver, for {@code types} (JSON array); its id and secret. */
    private String[] subscribed(String path, String types) {
        var created = subscribe(partner, "{\"url\": \"" + receiver.url(path) + "\", \"eventTypes\": " + types + "}");
        assertThat(created.statusCode(), equalTo(201));
        return new String[] { created.path("id"), created.path("secret") };
    }

    /** An event as the platform's relays publish it, into the topic the fan-out reads. */
    private String publish(String type, String subject, long sequence, String partnerOfEvent) {
        String id = UUID.randomUUID().toString();
        broker.source("webhook-events").send("""
                {"specversion":"1.0","id":"%s","source":"/content-service","type":"%s","subject":"%s",
                 "time":"%s","datacontenttype":"application/json","sequence":%d%s,"data":{"id":"%s"}}"""
                .formatted(id, type, subject, Instant.now(), sequence,
                        partnerOfEvent == null ? "" : ",\"partnerid\":\"" + partnerOfEvent + "\"", subject));
        return id;
    }

    private static List<Received> awaitReceived(Receiver receiver, String path, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.receivedAt(path).size() >= count);
        return receiver.receivedAt(path);
    }

    /** Verifies a delivery as a receiver following Standard Webhooks would, with a secret whsec_<base64>. */
    private static boolean signedWith(String secret, Received delivery) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = delivery.header("webhook-id") + "." + delivery.header("webhook-timestamp") + "." + delivery.body();
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        return Arrays.asList(delivery.header("webhook-signature").split(" ")).contains(expected);
    }

    @Test
    void aSubscriptionShowsItsSecretOnceAndOnlyToItsPartner() {
        var created = subscribe(partner, "{\"url\": \"https://hooks.news.example/syndication\", \"eventTypes\": [\"content.approved\"]}");
        assertThat(created.statusCode(), equalTo(201));
        assertThat(created.header("Location"), endsWith("/api/v1/webhooks/" + created.path("id")));
        assertThat(created.header("Cache-Control"), equalTo("no-store"));
        assertThat((String) created.path("secret"), startsWith("whsec_"));
        assertThat(created.path("enabled"), equalTo(true));
        assertThat(created.path("eventTypes"), contains("content.approved"));
        String id = created.path("id");
        given().auth().oauth2(partner).when().get("/api/v1/webhooks/" + id)
                .then().statusCode(200).body("url", equalTo("https://hooks.news.example/syndication"))
                .body("secret", nullValue());
        String other = Tokens.partner(UUID.fromString(PartnerApi.approved("other-hooks")));
        given().auth().oauth2(other).when().get("/api/v1/webhooks/" + id).then().spec(problem(404));
        given().auth().oauth2(other).when().delete("/api/v1/webhooks/" + id).then().spec(problem(404));
        given().auth().oauth2(other).when().get("/api/v1/webhooks").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(partner).when().get("/api/v1/webhooks").then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(Tokens.admin()).when().get("/api/v1/webhooks/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.operator()).when().get("/api/v1/webhooks").then().statusCode(403);
    }

    @Test
    void destinationsInsideThePlatformOrWithoutTlsAreRefused() {
        for (String url : List.of("http://hooks.news.example/", "https://10.0.0.7/hook", "https://127.0.0.1/hook",
                "https://[::1]/hook", "https://169.254.169.254/latest/meta-data", "https://localhost/hook",
                "https://user:pass@hooks.news.example/", "ftp://hooks.news.example/", "not a url", "http://127.0.0.2:8080/")) {
            subscribe(partner, "{\"url\": \"" + url + "\"}").response().then().spec(problem(400))
                    .body("violations.field", hasItem("url"));
        }
        subscribe(partner, "{\"url\": \"https://hooks.news.example/\", \"eventTypes\": [\"content.approved\", \"content.deleted\", \"guide.changed\"]}")
                .response().then().spec(problem(400))
                .body("violations.field", contains("eventTypes[1]", "eventTypes[2]"));
        subscribe(Tokens.admin(), "{\"url\": \"https://ops.syndication.example/events\", \"eventTypes\": [\"guide.changed\"]}")
                .response().then().statusCode(201).body("partnerId", nullValue());
        subscribe(partner, "{}").response().then().spec(problem(400));
    }

    @Test
    void aPartnerReceivesItsOwnEventsSignedAndInOrder() throws Exception {
        String[] subscription = subscribed("/own", "[]");
        String item = UUID.randomUUID().toString();
        String stranger = UUID.randomUUID().toString();
        publish("content.submitted", UUID.randomUUID().toString(), 1, stranger);
        publish("guide.changed", UUID.randomUUID().toString(), 1, null);
        String first = publish("content.submitted", item, 1, partnerId);
        String second = publish("content.approved", item, 2, partnerId);
        String third = publish("content.retired", item, 3, partnerId);

        List<Received> deliveries = awaitReceived(receiver, "/own", 3);
        assertThat(deliveries.stream().map(delivery -> delivery.header("webhook-id")).toList(), contains(first, second, third));
        for (Received delivery : deliveries) {
            assertThat(signedWith(subscription[1], delivery), equalTo(true));
            assertThat(delivery.header("content-type"), startsWith("application/cloudevents+json"));
            assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(delivery.header("webhook-timestamp"))),
                    lessThan(300L));
            assertThat(delivery.body(), containsString("\"id\":\"" + delivery.header("webhook-id") + "\""));
        }
        given().auth().oauth2(partner).queryParam("limit", 2).when().get("/api/v1/webhooks/" + subscription[0] + "/deliveries")
                .then().statusCode(200)
                .body("items.eventId", contains(third, second))
                .body("items[0].status", equalTo("DELIVERED"))
                .body("items[0].statusCode", equalTo(204))
                .body("items[0].attempt", equalTo(1))
                .body("next", notNullValue());
    }

    @Test
    void aFailingEndpointGetsTheEventAgainAndTheNextOnlyAfterIt() {
        String[] subscription = subscribed("/flaky", "[\"content.submitted\", \"content.approved\"]");
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(request -> calls.incrementAndGet() <= 2 ? 503 : 200);
        String item = UUID.randomUUID().toString();
        String first = publish("content.submitted", item, 1, partnerId);
        String second = publish("content.approved", item, 2, partnerId);
        publish("content.retired", item, 3, partnerId);

        List<Received> deliveries = awaitReceived(receiver, "/flaky", 4);
        assertThat(deliveries.stream().map(delivery -> delivery.header("webhook-id")).toList(),
                contains(first, first, first, second));
        var log = given().auth().oauth2(partner).when().get("/api/v1/webhooks/" + subscription[0] + "/deliveries")
                .then().statusCode(200).extract();
        assertThat(log.path("items.eventId"), contains(second, first));
        assertThat(log.path("items[1].attempt"), equalTo(3));
        assertThat(log.path("items[1].status"), equalTo("DELIVERED"));
        given().auth().oauth2(partner).when().get("/api/v1/webhooks/" + subscription[0])
                .then().body("failingSince", nullValue()).body("enabled", equalTo(true));
    }

    @Test
    void aTerminatedPartnerHearsOfItsTerminationAndOfNothingAfter() {
        subscribed("/terminated", "[]");
        PartnerApi.act(partnerId, "terminate", "Agreement ended");
        publish("partner.terminated", partnerId, 3, partnerId);
        String after = publish("content.retired", UUID.randomUUID().toString(), 4, partnerId);
        String marker = publish("guide.changed", UUID.randomUUID().toString(), 1, null);
        // a platform-wide subscription's first delivery shows the fan-out has passed the events before it
        assertThat(subscribe(Tokens.admin(), "{\"url\": \"" + receiver.url("/platform") + "\"}").statusCode(), equalTo(201));
        publish("guide.changed", UUID.randomUUID().toString(), 1, null);
        awaitReceived(receiver, "/platform", 1);
        List<Received> received = awaitReceived(receiver, "/terminated", 1);
        assertThat(received.stream().map(delivery -> delivery.body()).filter(body -> body.contains("partner.terminated")).count(),
                equalTo(1L));
        assertThat(received.stream().map(delivery -> delivery.header("webhook-id")).toList(), not(hasItem(after)));
        assertThat(received.stream().map(delivery -> delivery.header("webhook-id")).toList(), not(hasItem(marker)));
    }

    @Test
    void aRotatedSecretAndThePreviousOneBothSignForADay() throws Exception {
        String[] subscription = subscribed("/rotated", "[]");
        String rotated = given().auth().oauth2(partner).contentType(ContentType.JSON)
                .when().post("/api/v1/webhooks/" + subscription[0] + "/secret/rotate")
                .then().statusCode(200).header("Cache-Control", "no-store").extract().path("secret");
        assertThat(rotated, startsWith("whsec_"));
        publish("content.submitted", UUID.randomUUID().toString(), 1, partnerId);
        Received delivery = awaitReceived(receiver, "/rotated", 1).get(0);
        assertThat(delivery.header("webhook-signature").split(" ").length, equalTo(2));
        assertThat(signedWith(rotated, delivery), equalTo(true));
        assertThat(signedWith(subscription[1], delivery), equalTo(true));
        assertThat(signedWith("whsec_" + Base64.getEncoder().encodeToString(new byte[32]), delivery), equalTo(false));
    }

    @Test
    void anEndpointThatRedirectsHangsOrAnswersWithoutEndCostsABoundedAttempt() {
        String[] redirecting = subscribed("/redirect", "[]");
        String[] huge = subscribed("/huge", "[]");
        String[] hanging = subscribed("/hang", "[]");
        receiver.answer(request -> switch (request.path()) {
            case "/redirect" -> 307;
            case "/huge" -> Receiver.HUGE;
            case "/hang" -> Receiver.HANG;
            default -> 204;
        });
        publish("content.submitted", UUID.randomUUID().toString(), 1, partnerId);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(lastDelivery(redirecting[0]).path("items[0].statusCode"), equalTo(307));
            assertThat(lastDelivery(huge[0]).path("items[0].status"), equalTo("DELIVERED"));
            assertThat(lastDelivery(hanging[0]).path("items[0].error"), notNullValue());
        });
        assertThat(receiver.receivedAt("/redirected"), empty());
        assertThat(lastDelivery(redirecting[0]).path("items[0].status"), equalTo("PENDING"));
        // an attempt ends after WebhookSender.LONGEST whatever the endpoint does
        assertThat(lastDelivery(hanging[0]).<Integer>path("items[0].latencyMs"), lessThan(20_000));
    }

    @Test
    void aSubscriptionFailingForTooLongIsDisabledAnnouncedAndCanBeEnabledAgain() {
        String[] subscription = subscribed("/down", "[]");
        receiver.answer(request -> 500);
        publish("content.submitted", UUID.randomUUID().toString(), 1, partnerId);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(partner)
                .when().get("/api/v1/webhooks/" + subscription[0])
                .then().body("enabled", equalTo(false)).body("disabledReason", containsString("failed"))
                .body("failingSince", notNullValue()));
        var disabled = new PublishedEvents(broker).about(subscription[0], 1).get(0);
        assertThat(disabled.get("type").asText(), equalTo("webhook.disabled"));
        assertThat(disabled.get("partnerid").asText(), equalTo(partnerId));

        receiver.answer(request -> 200);
        given().auth().oauth2(partner).contentType(ContentType.JSON).body("{\"enabled\": true}")
                .when().patch("/api/v1/webhooks/" + subscription[0])
                .then().statusCode(200).body("enabled", equalTo(true)).body("failingSince", nullValue())
                .body("disabledReason", nullValue());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(lastDelivery(subscription[0]).path("items[0].status"), equalTo("DELIVERED")));
    }

    @Test
    void aDeliveryCanBeSentAgainAndTheLogPagesWithItsOwnCursors() {
        String[] subscription = subscribed("/again", "[]");
        String event = publish("content.approved", UUID.randomUUID().toString(), 1, partnerId);
        awaitReceived(receiver, "/again", 1);
        String delivery = lastDelivery(subscription[0]).path("items[0].id");
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .when().post("/api/v1/webhooks/" + subscription[0] + "/deliveries/" + delivery + "/redeliver")
                .then().statusCode(202);
        List<Received> twice = awaitReceived(receiver, "/again", 2);
        assertThat(twice.get(1).header("webhook-id"), equalTo(event));
        given().auth().oauth2(partner).contentType(ContentType.JSON)
                .when().post("/api/v1/webhooks/" + subscription[0] + "/deliveries/" + UUID.randomUUID() + "/redeliver")
                .then().spec(problem(404));
        given().auth().oauth2(partner).queryParam("next", "bm90LWEtbnVtYmVy")
                .when().get("/api/v1/webhooks/" + subscription[0] + "/deliveries").then().spec(problem(400));
        given().auth().oauth2(partner).queryParam("next", "%%%")
                .when().get("/api/v1/webhooks").then().spec(problem(400));
        given().auth().oauth2(partner).queryParam("limit", 0)
                .when().get("/api/v1/webhooks/" + subscription[0] + "/deliveries").then().spec(problem(400));
    }

    @Test
    void theApplicationsWebhookUrlBecomesThePartnersFirstSubscriptionOnApproval() {
        String applicant = PartnerApi.applied("first-hook");
        var approval = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/partners/" + applicant + "/approve").then().statusCode(200).extract();
        assertThat(approval.path("webhook.url"), equalTo("https://api.cricket-council.example/hooks/syndication"));
        assertThat((String) approval.path("webhook.secret"), startsWith("whsec_"));
        assertThat(approval.path("webhook.eventTypes"), empty());
        given().auth().oauth2(Tokens.partner(UUID.fromString(applicant))).when().get("/api/v1/webhooks")
                .then().statusCode(200).body("items", hasSize(1))
                .body("items[0].id", equalTo(approval.path("webhook.id")))
                .body("items[0].secret", nullValue());
    }

    @Test
    void anApplicationsWebhookUrlMustBeOneWebhooksMayReach() {
        for (String url : List.of("https://10.0.0.7/hook", "http://hooks.news.example/", "https://localhost/hook")) {
            PartnerApi.apply(PartnerApi.application("private-hook-" + UUID.randomUUID().toString().substring(0, 8))
                    .replace("https://api.cricket-council.example/hooks/syndication", url))
                    .then().spec(problem(400)).body("violations.field", hasItem("webhookUrl"));
            PartnerApi.patch(partner, partnerId, "{\"webhookUrl\": \"" + url + "\"}")
                    .then().spec(problem(400)).body("violations.field", hasItem("webhookUrl"));
        }
        PartnerApi.patch(partner, partnerId, "{\"webhookUrl\": \"" + receiver.url("/patched") + "\"}").then().statusCode(200);
    }

    /** The newest line of a subscription's delivery log (items[0]), once there is one. */
    private ExtractableResponse<Response> lastDelivery(String subscription) {
        return given().auth().oauth2(partner).queryParam("limit", 1)
                .when().get("/api/v1/webhooks/" + subscription + "/deliveries")
                .then().statusCode(200).extract();
    }
}

package io.syndication.gateway.asyncapi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.syndication.gateway.openapi.PlatformContract;

/**
 * The platform's AsyncAPI document as its readers rely on it: every event type on its topic, nothing
 * referred to that it lacks, examples that are valid events, and the API's schemas as the platform's
 * OpenAPI document has them, so that a change to a view there fails here until the copy follows.
 * (scripts/lint-openapi validates it with the AsyncAPI parser besides.)
 */
class PlatformAsyncApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMAS = "#/components/schemas/";

    /** The event types of each topic, and the service that publishes them. */
    private static final Map<String, Set<String>> TYPES = Map.of(
            "partner", Set.of("partner.applied", "partner.approved", "partner.rejected", "partner.suspended",
                    "partner.reinstated", "partner.terminated", "partner.credentials-rotated", "webhook.disabled"),
            "content", Set.of("content.submitted", "content.approved", "content.rejected", "content.retired", "content.changed"),
            "schedule", Set.of("slot.placed", "slot.moved", "slot.removed", "live.inserted", "live.extended",
                    "schedule.healed", "guide.changed"));
    private static final Map<String, String> SOURCES = Map.of(
            "partner", "/partner-service", "content", "/content-service", "schedule", "/schedule-service");
    /**
     * The properties of the copied views the services write as JSON null when they have no value (their
     * ObjectMapper writes nulls; the columns are nullable and the API leaves them empty), which the OpenAPI
     * document does not say and this one does.
     */
    private static final Set<String> NULLABLE = Set.of("PartnerView.webhookUrl", "PartnerView.clientId",
            "ContentView.synopsis", "ContentView.durationSeconds", "ContentView.start", "ContentView.end",
            "ContentView.thumbnailUrl", "ContentView.availableUntil", "ContentView.reason");
    /** schedule-service's ScheduleEvents.MOST_PER_EVENT: the most slots or programmes one event lists. */
    private static final int MOST_PER_EVENT = 500;

    // JSON Schema draft 7, which AsyncAPI's schemas extend; the document's components are where its references point
    private static final JsonMetaSchema DRAFT_7 = JsonMetaSchema.builder(JsonMetaSchema.getV7())
            .keyword(new NonValidationKeyword("components")).build();
    private static final JsonSchemaFactory SCHEMA_FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
            factory -> factory.metaSchema(DRAFT_7));
    private static final SchemaValidatorsConfig SCHEMA_CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private final JsonNode document = document();

    @Test
    void isAnAsyncApi3DocumentOfTheEventsOnKafka() {
        assertThat(document.path("asyncapi").asText(), equalTo("3.0.0"));
        // 1.1.0: a slot names its partner (SlotView.partnerId)
        assertThat(document.at("/info/version").asText(), equalTo("1.1.0"));
        assertThat(document.path("defaultContentType").asText(), equalTo("application/cloudevents+json"));
        assertThat(document.at("/servers/production/protocol").asText(), equalTo("kafka"));
        assertThat(document.at("/servers/production/host").asText(), equalTo("{bootstrapServers}"));
        assertThat(document.at("/servers/production/variables/bootstrapServers/default").asText(),
                equalTo("events-kafka-bootstrap.kafka.svc:9092"));
        assertThat(document.at("/servers/subscriber/protocol").asText(), equalTo("https"));
        // the rules a consumer relies on are stated where every reader starts
        String description = document.at("/info/description").asText();
        for (String rule : List.of("`sequence`", "`partnerid`", "above the last one applied", "same `id` and `sequence`",
                "transactional outbox", "record's key is the subject")) {
            assertThat(rule, description.contains(rule), equalTo(true));
        }
    }

    @Test
    void eachTopicCarriesExactlyItsEventTypes() {
        assertThat(names(document.path("channels")), containsInAnyOrder("partner", "content", "schedule", "webhook"));
        TYPES.forEach((topic, types) -> {
            JsonNode channel = document.path("channels").path(topic);
            assertThat(channel.path("address").asText(), equalTo(topic));
            assertThat(channel.at("/bindings/kafka/topic").asText(), equalTo(topic));
            assertThat(refs(channel.path("servers")), containsInAnyOrder("#/servers/production", "#/servers/suite"));
            Map<String, String> typeOfMessage = new TreeMap<>();
            channel.path("messages").fields().forEachRemaining(entry -> {
                JsonNode message = resolve(entry.getValue());
                String type = message.path("name").asText();
                typeOfMessage.put(entry.getKey(), type);
                Map<String, String> constants = constants(resolve(message.path("payload")));
                assertThat(entry.getKey() + " is an event of type " + type, constants.get("type"), equalTo(type));
                assertThat(entry.getKey() + " comes from " + SOURCES.get(topic), constants.get("source"), equalTo(SOURCES.get(topic)));
                assertThat(entry.getKey() + " is a Kafka record keyed by its subject",
                        refs(message.path("traits")), containsInAnyOrder("#/components/messageTraits/kafkaRecord"));
            });
            assertThat(topic, new TreeSet<>(typeOfMessage.values()), equalTo(new TreeSet<>(types)));
            assertThat(topic + ": one message per type", typeOfMessage.size(), equalTo(types.size()));
        });
        assertThat(TYPES.values().stream().mapToInt(Set::size).sum(), equalTo(20));
    }

    @Test
    void everyEventNamesItsPartnerButAGuideChangeAndAPlatformWideSubscriptionsDisabling() {
        TYPES.forEach((topic, types) -> document.path("channels").path(topic).path("messages").forEach(reference -> {
            JsonNode message = resolve(reference);
            String type = message.path("name").asText();
            boolean maybeNone = type.equals("guide.changed") || type.equals("webhook.disabled");
            List<String> required = required(resolve(message.path("payload")));
            assertThat(type + " names its partner", required.contains("partnerid"), equalTo(!maybeNone));
            assertThat(required, hasItems("specversion", "id", "source", "type", "subject", "time", "sequence", "data"));
        }));
        // webhook.disabled: the subscription's partner, or none for a platform-wide one
        JsonNode disabled = document.at("/components/messages/webhookDisabled");
        ObjectNode platformWide = disabled.at("/examples/0/payload").deepCopy();
        platformWide.remove("partnerid");
        assertThat(invalidities(disabled.path("payload"), platformWide), empty());
        assertThat(invalidities(disabled.path("payload"), disabled.at("/examples/0/payload")), empty());
        JsonNode suspended = document.at("/components/messages/partnerSuspended");
        ObjectNode noPartner = suspended.at("/examples/0/payload").deepCopy();
        noPartner.remove("partnerid");
        assertThat(invalidities(suspended.path("payload"), noPartner), not(empty()));
    }

    @Test
    void eachOperationSendsEveryMessageOfItsChannel() {
        Map<String, String> operationOfChannel = new HashMap<>();
        document.path("operations").fields().forEachRemaining(entry -> {
            JsonNode operation = entry.getValue();
            assertThat(entry.getKey(), operation.path("action").asText(), equalTo("send"));
            String channel = operation.at("/channel/$ref").asText();
            assertThat(entry.getKey() + " is the only operation on " + channel, operationOfChannel.put(channel, entry.getKey()), nullValue());
            List<String> expected = new ArrayList<>();
            resolve(operation.path("channel")).path("messages").fieldNames()
                    .forEachRemaining(name -> expected.add(channel + "/messages/" + name));
            assertThat(entry.getKey(), refs(operation.path("messages")), containsInAnyOrder(expected.toArray()));
        });
        assertThat(operationOfChannel.keySet(), containsInAnyOrder("#/channels/partner", "#/channels/content",
                "#/channels/schedule", "#/channels/webhook"));
    }

    @Test
    void aWebhookIsAnyEventPostedWithTheStandardWebhooksHeaders() {
        JsonNode channel = document.at("/channels/webhook");
        assertThat(channel.path("address").isNull(), equalTo(true));
        assertThat(refs(channel.path("servers")), containsInAnyOrder("#/servers/subscriber"));
        assertThat(document.at("/operations/deliverWebhook/bindings/http/method").asText(), equalTo("POST"));
        JsonNode delivery = resolve(channel.at("/messages/webhookDelivery"));
        assertThat(required(resolve(delivery.path("headers"))),
                containsInAnyOrder("webhook-id", "webhook-timestamp", "webhook-signature"));
        // any of the topics' events, each once
        List<String> events = new ArrayList<>();
        TYPES.keySet().forEach(topic -> document.path("channels").path(topic).path("messages")
                .forEach(message -> events.add(resolve(message).at("/payload/$ref").asText())));
        assertThat(refs(resolve(delivery.path("payload")).path("oneOf")), containsInAnyOrder(events.toArray()));
    }

    @Test
    void everyReferenceIsLocalAndNamesAPartOfTheDocument() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        assertThat(references.size(), greaterThan(100));
        assertThat(references.stream().filter(reference -> !reference.startsWith("#/")
                || document.at(reference.substring(1)).isMissingNode()).distinct().toList(), empty());
    }

    @Test
    void theApisSchemasAreCopiedAsTheOpenApiDocumentHasThem() throws IOException {
        JsonNode contract = JSON.readTree(resource(PlatformContract.RESOURCE));
        JsonNode openApi = contract.at("/components/schemas");
        JsonNode asyncApi = document.at("/components/schemas");
        // what a live event's changes are named there (the merge may rename a clashing schema)
        String change = name(openApi.at("/LiveView/properties/changes/items/$ref").asText());
        Map<String, String> copies = new LinkedHashMap<>(Map.of("PartnerView", "PartnerView", "ContentView", "ContentView",
                "SlotView", "SlotView", "Programme", "Programme", "ScheduleChange", change));
        List<String> differences = new ArrayList<>();
        Set<String> nullable = new TreeSet<>();
        Deque<String> unchecked = new ArrayDeque<>(copies.keySet());
        while (!unchecked.isEmpty()) {
            String copy = unchecked.pop();
            String original = copies.get(copy);
            JsonNode theirs = openApi.path(original);
            JsonNode ours = asyncApi.path(copy);
            if (theirs.isMissingNode() || ours.isMissingNode()) {
                differences.add(copy + ": " + (ours.isMissingNode() ? "not in the AsyncAPI document" : original + " not in the OpenAPI document"));
                continue;
            }
            ours = withoutNull(copy, ours, nullable);
            // the properties first, by name: what a reader of an event's data relies on
            if (!new TreeSet<>(names(ours.path("properties"))).equals(new TreeSet<>(names(theirs.path("properties"))))) {
                differences.add(copy + " has the properties " + names(ours.path("properties")) + ", " + original
                        + " in the OpenAPI document " + names(theirs.path("properties")));
            }
            compare(copy, ours, theirs, differences, (ourName, theirName) -> {
                String known = copies.putIfAbsent(ourName, theirName);
                if (known == null) {
                    unchecked.push(ourName);
                } else if (!known.equals(theirName)) {
                    differences.add(ourName + " stands for both " + known + " and " + theirName);
                }
            });
        }
        assertThat("Copy the changed schemas from " + PlatformContract.RESOURCE + " into " + PlatformAsyncApi.RESOURCE,
                differences, empty());
        // the one difference allowed: a null the services write, where they write it
        assertThat(nullable, equalTo(new TreeSet<>(NULLABLE)));
        // the views and every schema they refer to: their enums, UUID, Instant...
        assertThat(copies.keySet(), hasItems("PartnerStatus", "ContentStatus", "SlotKind", "ScheduleChangeKind", "UUID",
                "Instant", "OffsetDateTime"));
        assertThat(copies.get("ScheduleChangeKind"), equalTo(name(openApi.at("/" + change + "/properties/change/$ref").asText())));
    }

    @Test
    void aCopyThatDriftsIsNamed() throws IOException {
        ObjectNode drifted = document.at("/components/schemas/SlotView").deepCopy();
        ((ObjectNode) drifted.path("properties")).remove("cut");
        List<String> differences = new ArrayList<>();
        compare("SlotView", drifted, JSON.readTree(resource(PlatformContract.RESOURCE)).at("/components/schemas/SlotView"),
                differences, (ours, theirs) -> {
                });
        assertThat(differences, hasItems("SlotView/properties: only the OpenAPI document has cut"));
        // allowing null hides nothing else
        ObjectNode content = document.at("/components/schemas/ContentView").deepCopy();
        ((ObjectNode) content.at("/properties/synopsis")).putArray("type").add("integer").add("null");
        ((ObjectNode) content.at("/properties/start/anyOf/0")).put("$ref", "#/components/schemas/OffsetDateTime");
        Set<String> nullable = new TreeSet<>();
        List<String> renamed = new ArrayList<>();
        differences.clear();
        compare("ContentView", withoutNull("ContentView", content, nullable),
                JSON.readTree(resource(PlatformContract.RESOURCE)).at("/components/schemas/ContentView"), differences,
                (ours, theirs) -> renamed.add(ours + " " + theirs));
        assertThat(differences, hasItems("ContentView/properties/synopsis/type: \"integer\" here, \"string\" in the OpenAPI document"));
        assertThat(renamed, hasItems("OffsetDateTime Instant"));
        assertThat(nullable, hasItems("ContentView.synopsis", "ContentView.start"));
    }

    @Test
    void everyExampleIsAValidMessage() {
        int examples = 0;
        for (Iterator<Map.Entry<String, JsonNode>> messages = document.at("/components/messages").fields(); messages.hasNext();) {
            Map.Entry<String, JsonNode> entry = messages.next();
            JsonNode message = entry.getValue();
            for (JsonNode example : message.path("examples")) {
                String name = entry.getKey() + " example " + example.path("name").asText();
                assertThat(name, invalidities(message.path("payload"), example.path("payload")), empty());
                assertThat(name, invalidities(headers(message), example.path("headers")), empty());
                if (message.has("traits")) {
                    assertThat(name + " is about the event of its message", example.at("/payload/type").asText(),
                            equalTo(message.path("name").asText()));
                }
                examples++;
            }
        }
        assertThat(examples, greaterThanOrEqualTo(12));
    }

    @Test
    void anEventUnlikeItsSchemaIsInvalid() {
        JsonNode message = document.at("/components/messages/contentRetired");
        ObjectNode retired = message.at("/examples/0/payload").deepCopy();
        ((ObjectNode) retired.path("data")).put("status", "GONE");
        assertThat(invalidities(message.path("payload"), retired), not(empty()));
        ObjectNode anotherType = message.at("/examples/0/payload").deepCopy();
        anotherType.put("type", "content.approved");
        assertThat(invalidities(message.path("payload"), anotherType), not(empty()));
        ObjectNode guide = document.at("/components/messages/guideChanged/examples/0/payload").deepCopy();
        guide.put("partnerid", "6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0002");
        assertThat(invalidities(document.at("/components/messages/guideChanged/payload"), guide), not(empty()));
        // null only where the services write it
        ObjectNode noSynopsis = message.at("/examples/0/payload").deepCopy();
        ((ObjectNode) noSynopsis.path("data")).putNull("synopsis").putNull("availableUntil").putNull("durationSeconds");
        assertThat(invalidities(message.path("payload"), noSynopsis), empty());
        ObjectNode noTitle = message.at("/examples/0/payload").deepCopy();
        ((ObjectNode) noTitle.path("data")).putNull("title");
        assertThat(invalidities(message.path("payload"), noTitle), not(empty()));
        // a subscription the platform disabled is disabled, and says where it posted
        JsonNode disabled = document.at("/components/messages/webhookDisabled");
        ObjectNode stillEnabled = disabled.at("/examples/0/payload").deepCopy();
        ((ObjectNode) stillEnabled.path("data")).put("enabled", true);
        assertThat(invalidities(disabled.path("payload"), stillEnabled), not(empty()));
        ObjectNode noUrl = disabled.at("/examples/0/payload").deepCopy();
        ((ObjectNode) noUrl.path("data")).remove("url");
        assertThat(invalidities(disabled.path("payload"), noUrl), not(empty()));
        // a heal's action and its replacements go together; its reason is a slot's
        JsonNode healed = document.at("/components/messages/scheduleHealed");
        ObjectNode filledWithNothing = healed.at("/examples/0/payload").deepCopy();
        ((ObjectNode) filledWithNothing.path("data")).putArray("replacements");
        assertThat(invalidities(healed.path("payload"), filledWithNothing), not(empty()));
        ObjectNode flaggedAndFilled = healed.at("/examples/0/payload").deepCopy();
        ((ObjectNode) flaggedAndFilled.path("data")).put("action", "FLAGGED");
        assertThat(invalidities(healed.path("payload"), flaggedAndFilled), not(empty()));
        ObjectNode cleared = healed.at("/examples/1/payload").deepCopy();
        ((ObjectNode) cleared.path("data")).put("action", "CLEARED");
        assertThat(invalidities(healed.path("payload"), cleared), empty());
        ObjectNode gap = healed.at("/examples/1/payload").deepCopy();
        ((ObjectNode) gap.path("data")).put("reason", "GAP");
        assertThat(invalidities(healed.path("payload"), gap), not(empty()));
        ObjectNode noDetail = healed.at("/examples/1/payload").deepCopy();
        ((ObjectNode) noDetail.path("data")).remove("detail");
        assertThat(invalidities(healed.path("payload"), noDetail), not(empty()));
        // a webhook is any one event: what no event schema takes is not one
        assertThat(invalidities(document.at("/components/messages/webhookDelivery/payload"), retired), not(empty()));
        assertThat(invalidities(document.at("/components/messages/webhookDelivery/payload"),
                message.at("/examples/0/payload")), empty());
    }

    @Test
    void aHealsReasonIsAFindingsReasonOfASlot() throws IOException {
        // the reasons of a validation finding (schedule-service's Finding.Reason), as the API lists them
        JsonNode openApi = JSON.readTree(resource(PlatformContract.RESOURCE)).at("/components/schemas");
        String finding = name(openApi.at("/ValidationView/properties/findings/items/$ref").asText());
        List<String> reasons = new ArrayList<>();
        openApi.at("/" + name(openApi.at("/" + finding + "/properties/reason/$ref").asText()) + "/enum")
                .forEach(reason -> reasons.add(reason.asText()));
        assertThat(reasons, hasItems("GAP", "PARTNER_INACTIVE"));
        List<String> healReasons = new ArrayList<>();
        document.at("/components/schemas/Heal/properties/reason/enum").forEach(reason -> healReasons.add(reason.asText()));
        // every one but a gap's, which is not a slot's
        assertThat(healReasons, containsInAnyOrder(reasons.stream().filter(reason -> !reason.equals("GAP")).toArray()));
        List<String> actions = new ArrayList<>();
        document.at("/components/schemas/Heal/properties/action/enum").forEach(action -> actions.add(action.asText()));
        assertThat(actions, containsInAnyOrder("FILLED", "CLEARED", "FLAGGED"));
    }

    @Test
    void aChangeOfMoreThan500SlotsOrProgrammesComesInParts() {
        assertThat(document.at("/components/schemas/ChannelSlots/properties/slots/maxItems").asInt(), equalTo(MOST_PER_EVENT));
        for (String list : List.of("added", "removed", "retimed")) {
            assertThat(list, document.at("/components/schemas/GuideDiff/properties/" + list + "/maxItems").asInt(),
                    equalTo(MOST_PER_EVENT));
        }
        String schedule = document.at("/channels/schedule/description").asText().replaceAll("\\s+", " ");
        for (String rule : List.of("more than " + MOST_PER_EVENT + " slots", "more than " + MOST_PER_EVENT + " programmes",
                "the channel's id, for every event", "consecutive")) {
            assertThat(rule, schedule.contains(rule), equalTo(true));
        }
        assertThat(document.at("/components/schemas/GuideDiff/description").asText().replaceAll("\\s+", " ")
                .contains("listed under the local day it starts in"), equalTo(true));
    }

    @Test
    void theWebhookExampleIsSignedAsTheDocumentSays() throws Exception {
        JsonNode example = document.at("/components/messages/webhookDelivery/examples/0");
        Matcher secret = Pattern.compile("`whsec_([A-Za-z0-9+/=]+)`").matcher(example.path("summary").asText());
        assertThat(secret.find(), equalTo(true));
        JsonNode headers = example.path("headers");
        String body = JSON.writeValueAsString(example.path("payload"));
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.group(1)), "HmacSHA256"));
        byte[] signature = hmac.doFinal((headers.path("webhook-id").asText() + "." + headers.path("webhook-timestamp").asText()
                + "." + body).getBytes(StandardCharsets.UTF_8));
        assertThat(headers.path("webhook-signature").asText(), equalTo("v1," + Base64.getEncoder().encodeToString(signature)));
        assertThat(invalidities(resolve(document.at("/components/messages/webhookDelivery")).path("headers"), headers), empty());
    }

    /** What the example does not satisfy of {@code schema}, whose references are into this document. */
    private List<String> invalidities(JsonNode schema, JsonNode instance) {
        ObjectNode root = JSON.createObjectNode();
        root.putArray("allOf").add(schema);
        root.set("components", document.path("components"));
        Set<ValidationMessage> messages = SCHEMA_FACTORY.getSchema(root, SCHEMA_CONFIG).validate(instance);
        return messages.stream().map(ValidationMessage::toString).toList();
    }

    /** A message's headers schema, its own or its traits'. */
    private JsonNode headers(JsonNode message) {
        if (message.has("headers")) {
            return message.path("headers");
        }
        for (JsonNode trait : message.path("traits")) {
            if (resolve(trait).has("headers")) {
                return resolve(trait).path("headers");
            }
        }
        return JSON.createObjectNode();
    }

    /**
     * Where {@code ours} differs from {@code theirs}, walking both alike; a reference on both sides is
     * the same schema under the two names given to {@code referred}, compared when its turn comes.
     */
    private static void compare(String at, JsonNode ours, JsonNode theirs, List<String> differences, Referred referred) {
        if (ours.isObject() && theirs.isObject()) {
            Set<String> keys = new TreeSet<>(names(ours));
            keys.addAll(names(theirs));
            for (String key : keys) {
                if (!theirs.has(key)) {
                    differences.add(at + ": only the AsyncAPI document has " + key);
                } else if (!ours.has(key)) {
                    differences.add(at + ": only the OpenAPI document has " + key);
                } else if (key.equals("$ref") && ours.get(key).asText().startsWith(SCHEMAS) && theirs.get(key).asText().startsWith(SCHEMAS)) {
                    referred.schemas(name(ours.get(key).asText()), name(theirs.get(key).asText()));
                } else {
                    compare(at + "/" + key, ours.get(key), theirs.get(key), differences, referred);
                }
            }
        } else if (ours.isArray() && theirs.isArray() && ours.size() == theirs.size()) {
            for (int i = 0; i < ours.size(); i++) {
                compare(at + "/" + i, ours.get(i), theirs.get(i), differences, referred);
            }
        } else if (!ours.equals(theirs)) {
            differences.add(at + ": " + ours + " here, " + theirs + " in the OpenAPI document");
        }
    }

    @FunctionalInterface
    private interface Referred {
        void schemas(String ours, String theirs);
    }

    /**
     * {@code schema}, a copy of the OpenAPI document's, as that document has it: each property that allows
     * null here without the null, its name added to {@code nullable}.
     */
    private static JsonNode withoutNull(String name, JsonNode schema, Set<String> nullable) {
        if (!schema.path("properties").isObject()) {
            return schema;
        }
        ObjectNode copy = schema.deepCopy();
        ObjectNode properties = (ObjectNode) copy.path("properties");
        for (String property : names(properties)) {
            JsonNode nonNull = nonNull(properties.get(property));
            if (nonNull != properties.get(property)) {
                nullable.add(name + "." + property);
                properties.set(property, nonNull);
            }
        }
        return copy;
    }

    /** {@code type: [T, 'null']} as {@code type: T}, {@code anyOf: [S, {type: 'null'}]} as S; any other schema itself. */
    private static JsonNode nonNull(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray() && type.size() == 2 && type.toString().contains("\"null\"")) {
            ObjectNode copy = schema.deepCopy();
            copy.set("type", type.get(0).asText().equals("null") ? type.get(1) : type.get(0));
            return copy;
        }
        JsonNode anyOf = schema.path("anyOf");
        ObjectNode nullType = JSON.createObjectNode().put("type", "null");
        if (anyOf.isArray() && anyOf.size() == 2 && (anyOf.get(0).equals(nullType) || anyOf.get(1).equals(nullType))) {
            ObjectNode copy = schema.deepCopy();
            copy.remove("anyOf");
            copy.setAll((ObjectNode) (anyOf.get(0).equals(nullType) ? anyOf.get(1) : anyOf.get(0)));
            return copy;
        }
        return schema;
    }

    /** The {@code const} of each property of a schema, through its {@code allOf} and references. */
    private Map<String, String> constants(JsonNode schema) {
        Map<String, String> constants = new HashMap<>();
        schema.path("allOf").forEach(part -> constants.putAll(constants(resolve(part))));
        schema.path("properties").fields().forEachRemaining(property -> {
            if (property.getValue().has("const")) {
                constants.put(property.getKey(), property.getValue().get("const").asText());
            }
        });
        return constants;
    }

    /** The properties a schema requires, through its {@code allOf} and references. */
    private List<String> required(JsonNode schema) {
        List<String> required = new ArrayList<>();
        schema.path("allOf").forEach(part -> required.addAll(required(resolve(part))));
        schema.path("required").forEach(name -> required.add(name.asText()));
        return required;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode reference = node.path("$ref");
        return reference.isTextual() ? resolve(document.at(reference.asText().substring(1))) : node;
    }

    private static List<String> refs(JsonNode references) {
        List<String> refs = new ArrayList<>();
        references.forEach(reference -> refs.add(reference.path("$ref").asText()));
        return refs;
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.get("$ref") instanceof TextNode reference) {
            references.add(reference.asText());
        }
        node.forEach(child -> collectReferences(child, references));
    }

    private static String name(String reference) {
        return reference.substring(reference.lastIndexOf('/') + 1);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode document() {
        try {
            return new YAMLMapper().readTree(resource(PlatformAsyncApi.RESOURCE));
        } catch (IOException e) {
            throw new AssertionError(PlatformAsyncApi.RESOURCE + " is not YAML", e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PlatformAsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(name + " is on the classpath", in != null, equalTo(true));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package io.syndication.gateway.openapi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class OpenApiMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode document(String path, String tag, String viewDescription) throws Exception {
        return JSON.readTree("""
                {"openapi": "3.1.0", "paths": {"%s": {"get": {"tags": ["%s"], "responses": {"200": {"content":
                  {"application/json": {"schema": {"$ref": "#/components/schemas/View"}}}},
                  "404": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
                 "tags": [{"name": "%s"}],
                 "components": {"schemas": {"View": {"type": "object", "description": "%s"},
                                            "Problem": {"type": "object"}}}}
                """.formatted(path, tag, tag, viewDescription));
    }

    @Test
    void sameNamedSchemasThatDifferAreKeptApartAndIdenticalOnesOnce() throws Exception {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        documents.put("partner-service", document("/api/v1/partners", "Partners", "a partner"));
        documents.put("schedule-service", document("/api/v1/channels", "Channels", "a channel"));

        ObjectNode merged = OpenApiMerge.merge(documents, JSON.createObjectNode().put("title", "Platform"));

        List<String> schemas = List.copyOf(iterable(merged.path("components").path("schemas").fieldNames()));
        assertThat(schemas, contains("View", "Problem", "ScheduleServiceView"));
        assertThat(merged.at("/components/schemas/ScheduleServiceView/description").asText(), equalTo("a channel"));
        assertThat(merged.at("/paths/~1api~1v1~1channels/get/responses/200/content/application~1json/schema/$ref").asText(),
                equalTo("#/components/schemas/ScheduleServiceView"));
        assertThat(merged.at("/paths/~1api~1v1~1partners/get/responses/200/content/application~1json/schema/$ref").asText(),
                equalTo("#/components/schemas/View"));
        assertThat(merged.at("/paths/~1api~1v1~1channels/get/responses/404/content/application~1problem+json/schema/$ref").asText(),
                equalTo("#/components/schemas/Problem"));
        assertThat(merged.path("tags").size(), equalTo(2));
    }

    @Test
    void eachCallerIsServedTheDocumentWithTheGatewayAsItReachesIt() throws Exception {
        ObjectNode merged = OpenApiMerge.merge(Map.of("partner-service", document("/api/v1/partners", "Partners", "a partner")),
                JSON.createObjectNode().put("title", "Platform"));
        ObjectNode served = OpenApiMerge.servedFrom(merged, "https://api.syndication.example");
        assertThat(served.at("/servers/0/url").asText(), equalTo("https://api.syndication.example"));
        assertThat(List.copyOf(iterable(served.fieldNames())), contains("openapi", "info", "servers", "paths", "tags", "components"));
        assertThat(OpenApiMerge.servedFrom(merged, "http://127.0.0.1:8080").at("/servers/0/url").asText(),
                equalTo("http://127.0.0.1:8080"));
        // the merged document itself, shared by every caller, names no one's server
        assertThat(merged.path("servers").size(), equalTo(0));
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> items = new java.util.ArrayList<>();
        iterator.forEachRemaining(items::add);
        return items;
    }
}

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

        ObjectNode merged = OpenApiMerge.merge(documents, JSON.createObjectNode().put("title", "Platform"), "oauth2");

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
    void operationsThatNeedATokenRequireThePlatformsSchemeAndPublicOnesNone() throws Exception {
        JsonNode partners = JSON.readTree("""
                {"openapi": "3.1.0", "paths": {
                  "/api/v1/partners": {"get": {"security": [{"SecurityScheme": []}], "responses": {}}},
                  "/api/v1/applications": {"post": {"security": [], "responses": {}}},
                  "/api/v1/applications/agreement": {"get": {"responses": {}}}},
                 "components": {"securitySchemes": {"SecurityScheme": {"type": "openIdConnect",
                   "openIdConnectUrl": "http://127.0.0.1:8180/realms/syndication/.well-known/openid-configuration"}}}}
                """);

        ObjectNode merged = OpenApiMerge.merge(Map.of("partner-service", partners), JSON.createObjectNode(), "oauth2");

        assertThat(merged.at("/paths/~1api~1v1~1partners/get/security").toString(), equalTo("[{\"oauth2\":[]}]"));
        assertThat(merged.at("/paths/~1api~1v1~1applications/post/security").toString(), equalTo("[]"));
        assertThat(merged.at("/paths/~1api~1v1~1applications~1agreement/get").has("security"), equalTo(false));
        // the services' own schemes are not the merged document's: its caller defines the one they name
        assertThat(merged.at("/components").has("securitySchemes"), equalTo(false));
        // the services' documents are left as they were
        assertThat(partners.at("/paths/~1api~1v1~1partners/get/security/0").has("SecurityScheme"), equalTo(true));
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> items = new java.util.ArrayList<>();
        iterator.forEachRemaining(items::add);
        return items;
    }
}

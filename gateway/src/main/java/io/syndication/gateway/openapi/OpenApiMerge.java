package io.syndication.gateway.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One OpenAPI document from the services' documents: their paths side by side (each service owns
 * its prefixes), their tags, and their schemas, where two services' different schemas of one name
 * are kept apart by prefixing the later one with its service (references follow), so that nothing
 * is merged silently. Every service trusts the same tokens, so each operation's security requirement
 * names the one scheme of the merged document in place of its service's own.
 */
final class OpenApiMerge {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_REF = "#/components/schemas/";

    private OpenApiMerge() {
    }

    /**
     * Merges {@code documents} (by service name, in order) under {@code info}, their operations' security
     * requirements naming {@code securityScheme}, which the caller defines.
     */
    static ObjectNode merge(Map<String, JsonNode> documents, ObjectNode info, String securityScheme) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", documents.values().stream().map(doc -> doc.path("openapi").asText("3.1.0"))
                .findFirst().orElse("3.1.0"));
        merged.set("info", info);
        ObjectNode paths = merged.putObject("paths");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode schemas = merged.putObject("components").putObject("schemas");
        List<String> tagNames = new ArrayList<>();

        documents.forEach((service, original) -> {
            JsonNode document = withDistinctSchemas(service, original.deepCopy(), schemas);
            document.path("components").path("schemas").fields()
                    .forEachRemaining(schema -> schemas.set(schema.getKey(), schema.getValue()));
            document.path("paths").fields().forEachRemaining(path -> {
                path.getValue().forEach(operation -> requiring(securityScheme, operation));
                paths.set(path.getKey(), path.getValue());
            });
            for (JsonNode tag : document.path("tags")) {
                if (!tagNames.contains(tag.path("name").asText())) {
                    tagNames.add(tag.path("name").asText());
                    tags.add(tag);
                }
            }
        });
        return merged;
    }

    /** An operation that requires a token requires one of {@code scheme}; a public one ({@code security: []} or none) stays so. */
    private static void requiring(String scheme, JsonNode operation) {
        if (operation.path("security").isArray() && !operation.path("security").isEmpty()) {
            ((ObjectNode) operation).putArray("security").addObject().putArray(scheme);
        }
    }

    /** The document with each schema that differs from a same-named one already merged renamed to {@code <Service><Name>}. */
    private static JsonNode withDistinctSchemas(String service, JsonNode document, ObjectNode merged) {
        List<String> clashes = new ArrayList<>();
        document.path("components").path("schemas").fields().forEachRemaining(schema -> {
            JsonNode existing = merged.get(schema.getKey());
            if (existing != null && !existing.equals(schema.getValue())) {
                clashes.add(schema.getKey());
            }
        });
        if (clashes.isEmpty()) {
            return document;
        }
        String prefix = pascal(service);
        String text = document.toString();
        for (String name : clashes) {
            text = text.replace("\"" + SCHEMA_REF + name + "\"", "\"" + SCHEMA_REF + prefix + name + "\"");
        }
        try {
            JsonNode renamed = JSON.readTree(text);
            ObjectNode schemas = (ObjectNode) renamed.path("components").path("schemas");
            for (String name : clashes) {
                schemas.set(prefix + name, schemas.remove(name));
            }
            return renamed;
        } catch (Exception e) {
            throw new IllegalStateException("A renamed OpenAPI document could not be read back", e);
        }
    }

    /** partner-service -> PartnerService */
    private static String pascal(String service) {
        StringBuilder name = new StringBuilder();
        for (String word : service.split("-")) {
            name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return name.toString();
    }
}

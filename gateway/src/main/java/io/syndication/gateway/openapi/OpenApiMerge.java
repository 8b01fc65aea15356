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
 * is merged silently.
 */
final class OpenApiMerge {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHEMA_REF = "#/components/schemas/";

    private OpenApiMerge() {
    }

    /** Merges {@code documents} (by service name, in order) under the gateway's {@code info}; see {@link #servedFrom}. */
    static ObjectNode merge(Map<String, JsonNode> documents, ObjectNode info) {
        ObjectNode merged = JSON.createObjectNode();
        merged.put("openapi", documents.values().stream().map(doc -> doc.path("openapi").asText("3.1.0"))
                .findFirst().orElse("3.1.0"));
        merged.set("info", info);
        // in its place, filled for each caller by servedFrom
        merged.putArray("servers");
        ObjectNode paths = merged.putObject("paths");
        ArrayNode tags = merged.putArray("tags");
        ObjectNode components = merged.putObject("components");
        ObjectNode schemas = components.putObject("schemas");
        ObjectNode securitySchemes = components.putObject("securitySchemes");
        List<String> tagNames = new ArrayList<>();

        documents.forEach((service, original) -> {
            JsonNode document = withDistinctSchemas(service, original, schemas);
            document.path("components").path("schemas").fields()
                    .forEachRemaining(schema -> schemas.set(schema.getKey(), schema.getValue()));
            document.path("components").path("securitySchemes").fields()
                    .forEachRemaining(scheme -> securitySchemes.putIfAbsent(scheme.getKey(), scheme.getValue()));
            document.path("paths").fields().forEachRemaining(path -> paths.set(path.getKey(), path.getValue()));
            for (JsonNode tag : document.path("tags")) {
                if (!tagNames.contains(tag.path("name").asText())) {
                    tagNames.add(tag.path("name").asText());
                    tags.add(tag);
                }
            }
        });
        return merged;
    }

    /**
     * The merged document with the gateway at {@code server} as its server: a copy of its top level
     * only, the rest shared with the merged one, which serves every caller.
     */
    static ObjectNode servedFrom(ObjectNode merged, String server) {
        ObjectNode served = JSON.createObjectNode().setAll(merged);
        served.putArray("servers").addObject().put("url", server).put("description", "The platform's gateway");
        return served;
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

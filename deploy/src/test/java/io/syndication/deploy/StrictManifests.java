package io.syndication.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a stream of Kubernetes manifests into the fabric8 model of the Kubernetes API, refusing
 * what the API server would refuse or silently drop: a kind it does not know, a field a type does
 * not have, a value of the wrong type.
 *
 * <p>Jackson alone is not enough: fabric8's model classes keep unknown fields (and, in templates,
 * values of the wrong type) in {@code additionalProperties} instead of failing, so a misspelt
 * {@code readinesProbe} would parse. Every object of the parsed graph is therefore walked, and a
 * non-empty {@code additionalProperties} anywhere is a refusal.
 */
final class StrictManifests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KubernetesSerialization serialization;

    StrictManifests() {
        ObjectMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // "9000" where a port number belongs is refused by the API server, so here too
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        serialization = new KubernetesSerialization(mapper, true);
        // registered after fabric8's lenient GoIntegerDeserializer, so it wins: Jackson's own honours the above
        mapper.registerModule(new SimpleModule("strict-integers")
                .addDeserializer(Integer.class, new NumberDeserializers.IntegerDeserializer(Integer.class, null)));
    }

    /** Every document of the stream as its model class; empty documents (Helm writes some) skipped. */
    List<HasMetadata> parse(String yamlStream) {
        List<HasMetadata> resources = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        // duplicate keys are refused by default, as kubectl refuses them
        try {
            for (Object document : new Load(LoadSettings.builder().build()).loadAllFromString(yamlStream)) {
                index++;
                if (document == null) {
                    continue;
                }
                try {
                    resources.add(parseDocument(document, problems, index));
                } catch (IllegalArgumentException | KubernetesClientException e) {
                    problems.add("document " + index + ": " + rootMessage(e));
                }
            }
        } catch (YamlEngineException e) {
            problems.add("document " + (index + 1) + " is not valid YAML: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new RefusedManifest(problems);
        }
        return resources;
    }

    private HasMetadata parseDocument(Object document, List<String> problems, int index) {
        if (!(document instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException("not a mapping: " + document);
        }
        if (!(fields.get("apiVersion") instanceof String apiVersion) || !(fields.get("kind") instanceof String kind)) {
            throw new IllegalArgumentException("no apiVersion or kind");
        }
        // without this, an unknown kind becomes a GenericKubernetesResource that takes any field
        Class<? extends KubernetesResource> type = serialization.getRegisteredKubernetesResource(apiVersion, kind);
        if (type == null || !HasMetadata.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException("no kind " + kind + " in " + apiVersion + " of the Kubernetes API model");
        }
        // read from JSON text: Jackson's convertValue would turn a "9000" into a port number regardless
        HasMetadata resource = (HasMetadata) serialization.unmarshal(asJson(document), type);
        String where = kind + " " + (resource.getMetadata() == null ? "?" : resource.getMetadata().getName());
        if (resource.getMetadata() == null || resource.getMetadata().getName() == null) {
            problems.add("document " + index + " (" + where + "): no metadata.name");
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(resource, "", unknown);
        unknown.forEach(problem -> problems.add("document " + index + " (" + where + "): " + problem));
        return resource;
    }

    private static String asJson(Object document) {
        try {
            return JSON.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON-compatible: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }

    private static void collectUnknownFields(Object node, String path, List<String> unknown) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collectUnknownFields(value, path + "." + key, unknown));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectUnknownFields(list.get(i), path + "[" + i + "]", unknown);
            }
        } else if (node != null && node.getClass().getName().startsWith("io.fabric8.")) {
            for (Class<?> type = node.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (Modifier.isStatic(field.getModifiers()) || field.getType().isPrimitive()) {
                        continue;
                    }
                    Object value = read(field, node);
                    if (field.getName().equals("additionalProperties")) {
                        if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                            unknown.add("unknown field(s) " + extra.keySet() + " at " + (path.isEmpty() ? "top level" : path.substring(1)));
                        }
                    } else {
                        collectUnknownFields(value, path + "." + field.getName(), unknown);
                    }
                }
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + field, e);
        }
    }

    /** What was refused, one line per problem. */
    static final class RefusedManifest extends RuntimeException {
        final List<String> problems;

        RefusedManifest(List<String> problems) {
            super("refused:\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }
    }
}

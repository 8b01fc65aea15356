package io.syndication.gateway.openapi;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.syndication.http.ProblemType;

/**
 * The committed contract as partners get it: versioned by its changelog, every operation with the
 * gateway's answers and its token scheme, nothing referred to that it lacks. (That it is what the
 * services' current documents make, e2e-tests check: they build after every service.)
 */
class PlatformContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");
    private static final List<String> PUBLIC = List.of("POST /api/v1/applications", "GET /api/v1/applications/agreement");

    @Test
    void theContractsVersionIsItsChangelogsNewestEntry() throws IOException {
        String changelog = resource(PlatformContract.CHANGELOG);
        String version = committed().at("/info/version").asText();
        assertThat(version, equalTo(PlatformContract.newestVersion(changelog)));
        assertThat(changelog.lines().toList(), hasItems("## " + version, "## 1.0.0"));
    }

    @Test
    void everyOperationThatNeedsATokenRequiresTheOAuth2ClientCredentialsSchemeAndNoOtherOne() throws IOException {
        JsonNode contract = committed();
        assertThat(names(contract.at("/components/securitySchemes")), contains(PlatformContract.SECURITY_SCHEME));
        assertThat(contract.at("/components/securitySchemes/oauth2/type").asText(), equalTo("oauth2"));
        assertThat(contract.at(PlatformContract.CLIENT_CREDENTIALS).path("tokenUrl").asText(), not(equalTo("")));
        assertThat(contract.at(PlatformContract.CLIENT_CREDENTIALS).path("scopes").toString(), equalTo("{}"));
        List<String> open = new ArrayList<>();
        operations(contract).forEach((name, operation) -> {
            if (operation.path("security").isEmpty()) {
                open.add(name);
            } else {
                assertThat(name, operation.path("security").toString(), equalTo("[{\"oauth2\":[]}]"));
            }
        });
        assertThat(open, containsInAnyOrder(PUBLIC.toArray()));
    }

    @Test
    void everyOperationHasTheGatewaysAnswersAndEverySuccessAnd401ItsRateLimitHeaders() throws IOException {
        JsonNode contract = committed();
        Map<String, JsonNode> operations = operations(contract);
        // partner-service's, content-service's and schedule-service's
        assertThat(operations.keySet(), hasItems("POST /api/v1/applications", "POST /api/v1/content/batch", "GET /api/v1/epg.xml"));
        assertThat(operations.size(), greaterThan(30));
        operations.forEach((name, operation) -> {
            JsonNode responses = operation.path("responses");
            assertThat(name, responses.at("/429/$ref").asText(), equalTo("#/components/responses/TooManyRequests"));
            assertThat(name, responses.at("/503/$ref").asText(), equalTo("#/components/responses/ServiceUnavailable"));
            assertThat(name, responses.at("/504/$ref").asText(), equalTo("#/components/responses/GatewayTimeout"));
            names(responses).stream().filter(status -> status.startsWith("2") || status.equals("401")).forEach(status -> assertThat(name + " " + status,
                    names(responses.path(status).path("headers")),
                    hasItems("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")));
        });
        assertThat(names(contract.at("/components/responses/TooManyRequests/headers")),
                contains("Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"));
        assertThat(names(contract.at("/components/responses/GatewayTimeout/headers")), contains("Retry-After"));
        assertThat(names(contract.at("/components/responses/ServiceUnavailable/content/application~1problem+json/examples")),
                equalTo(Arrays.stream(ProblemType.values()).filter(kind -> kind.status() == 503).map(ProblemType::slug).toList()));
    }

    @Test
    void everyReferenceNamesAPartOfTheContract() throws IOException {
        JsonNode contract = committed();
        List<String> references = new ArrayList<>();
        collectReferences(contract, references);
        assertThat(references.size(), greaterThan(100));
        assertThat(references.stream().filter(reference -> !reference.startsWith("#/")
                || contract.at(reference.substring(1)).isMissingNode()).distinct().toList(), empty());
    }

    @Test
    void aServicesOwn503GivesWayToTheGatewaysAndResponsesStayInOrder() throws IOException {
        JsonNode document = JSON.readTree("""
                {"openapi": "3.1.0", "paths": {"/api/v1/partners/me": {"get": {"security": [{"SecurityScheme": []}],
                  "responses": {"503": {"description": "A service this depends on is unavailable"},
                                "200": {"description": "OK"}, "401": {"description": "No token"}}}}}}
                """);
        ObjectNode contract = PlatformContract.of(Map.of("partner-service", document), "9.9.9");
        JsonNode responses = contract.at("/paths/~1api~1v1~1partners~1me/get/responses");
        assertThat(names(responses), contains("200", "401", "429", "503", "504"));
        assertThat(responses.at("/503/$ref").asText(), equalTo("#/components/responses/ServiceUnavailable"));
        assertThat(responses.at("/200/headers/RateLimit-Reset/$ref").asText(), equalTo("#/components/headers/RateLimit-Reset"));
        assertThat(responses.at("/401/headers/RateLimit-Remaining/$ref").asText(),
                equalTo("#/components/headers/RateLimit-Remaining"));
        assertThat(contract.at("/info/version").asText(), equalTo("9.9.9"));
        assertThat(names(contract), contains("openapi", "info", "servers", "paths", "tags", "components"));
    }

    private static JsonNode committed() throws IOException {
        return JSON.readTree(resource(PlatformContract.RESOURCE));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PlatformContractTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(name + " is on the classpath", in != null, equalTo(true));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Each operation by method and path, e.g. {@code GET /api/v1/epg.xml}. */
    private static Map<String, JsonNode> operations(JsonNode contract) {
        Map<String, JsonNode> operations = new java.util.LinkedHashMap<>();
        contract.path("paths").fields().forEachRemaining(path -> METHODS.stream().filter(path.getValue()::has)
                .forEach(method -> operations.put(method.toUpperCase() + " " + path.getKey(), path.getValue().get(method))));
        return operations;
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.has("$ref")) {
            references.add(node.get("$ref").asText());
        }
        node.forEach(child -> collectReferences(child, references));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> fields = node.fieldNames(); fields.hasNext();) {
            names.add(fields.next());
        }
        return names;
    }
}

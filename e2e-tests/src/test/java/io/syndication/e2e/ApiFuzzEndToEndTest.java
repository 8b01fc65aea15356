package io.syndication.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.greaterThan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Walks every operation of the gateway's merged OpenAPI document and feeds it bad path, query,
 * header and body values, with each role's token and none: every answer is a 4xx (or a success),
 * never a 5xx, and every error is application/problem+json.
 */
@ExtendWith(Platform.class)
class ApiFuzzEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Sent as written (already percent-encoded where they need to be). */
    private static final List<String> BAD_PATH_VALUES = List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000",
            "%00", "..%2F..%2Fq%2Fmetrics", "%F0%9F%98%80", "%27%20OR%20%271%27%3D%271", "x".repeat(2_000), UUID.randomUUID().toString());
    private static final List<String> BAD_QUERY_VALUES = List.of("not-a-value", "-1", "0", "99999999999999999999",
            "0000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "2026-02-30", "%00", "x".repeat(5_000), "");
    private static final List<String> BAD_IF_MATCH = List.of("garbage", "\"999999999999999999999\"", "W/\"1\"", "*");
    private static final List<String> BAD_BODIES = List.of("", "{", "[]", "null", "\"text\"", "12", "{}",
            "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000));

    /** A problem found: what was sent and what came back. */
    private record Finding(String request, int status, String contentType, String body) {
    }

    private final List<Finding> findings = new ArrayList<>();
    private int requests;

    @Test
    void noOperationAnswersBadInputWithA5xxOrWithoutAProblem() throws Exception {
        JsonNode document = JSON.readTree(given().baseUri(Platform.suite().gatewayUrl())
                .when().get("/openapi").then().statusCode(200).extract().asString());
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("admin", Platform.token("suite-admin"));
        tokens.put("operator", Platform.token("suite-operator"));
        tokens.put("partner", Platform.approvedPartnerToken("fuzz", "SG", "HK", "IN"));
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
                    continue;
                }
                operations++;
                fuzz(document, path.getKey(), method.getKey(), method.getValue(), tokens);
            }
        }
        // a 100 kB URL
        send("a 100 kB query", given().queryParam("q", "x".repeat(100_000)), "get", "/api/v1/partners");
        System.out.printf("[fuzz] %d operations, %d requests, %d findings%n", operations, requests, findings.size());
        findings.forEach(finding -> System.out.println("[fuzz] " + finding));
        assertThat(operations, greaterThan(30));
        assertThat(findings.stream().limit(25).toList(), empty());
    }

    private void fuzz(JsonNode document, String template, String method, JsonNode operation, Map<String, String> tokens) {
        List<String> pathParameters = new ArrayList<>();
        List<String> queryParameters = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(document, parameter);
            switch (resolved.path("in").asText()) {
                case "path" -> pathParameters.add(resolved.path("name").asText());
                case "query" -> queryParameters.add(resolved.path("name").asText());
                default -> { }
            }
        }
        String mediaType = operation.path("requestBody").path("content").fieldNames().hasNext()
                ? operation.path("requestBody").path("content").fieldNames().next() : null;
        List<String> bodies = mediaType == null ? List.of() : bodies(document, operation.path("requestBody").path("content").path(mediaType).path("schema"));

        // no token at all, and a token that is no token
        send("anonymous", given(), method, fill(template, pathParameters, null, null));
        send("bearer garbage", given().header("Authorization", "Bearer not.a.token"), method, fill(template, pathParameters, null, null));
        for (Map.Entry<String, String> role : tokens.entrySet()) {
            String token = role.getValue();
            for (String name : pathParameters) {
                for (String value : BAD_PATH_VALUES) {
                    send(role.getKey() + " path " + name + "=" + abbreviate(value), withBody(given().auth().oauth2(token), mediaType, "{}"),
                            method, fill(template, pathParameters, name, value));
                }
            }
            for (String name : queryParameters) {
                for (String value : BAD_QUERY_VALUES) {
                    send(role.getKey() + " query " + name + "=" + abbreviate(value),
                            withBody(given().auth().oauth2(token), mediaType, "{}").queryParam(name, value),
                            method, fill(template, pathParameters, null, null));
                }
            }
            for (String body : bodies) {
                send(role.getKey() + " body " + abbreviate(body), withBody(given().auth().oauth2(token), mediaType, body),
                        method, fill(template, pathParameters, null, null));
            }
            if (!method.equals("get")) {
                for (String ifMatch : BAD_IF_MATCH) {
                    send(role.getKey() + " If-Match " + ifMatch, withBody(given().auth().oauth2(token), mediaType, "{}")
                            .header("If-Match", ifMatch), method, fill(template, pathParameters, null, null));
                }
            }
        }
    }

    /** The operation's path with each parameter a fresh id, except {@code bad}, which gets {@code value} as sent. */
    private static String fill(String template, List<String> parameters, String bad, String value) {
        String path = template;
        for (String name : parameters) {
            path = path.replace("{" + name + "}", name.equals(bad) ? value : UUID.randomUUID().toString());
        }
        return path;
    }

    /** The bad bodies every operation gets, and bodies of the operation's own shape with wrong values in every field. */
    private static List<String> bodies(JsonNode document, JsonNode schema) {
        List<String> bodies = new ArrayList<>(BAD_BODIES);
        JsonNode object = resolve(document, schema);
        if (object.path("type").asText().equals("array")) {
            object = resolve(document, object.path("items"));
        }
        if (object.has("properties")) {
            ObjectNode wrongTypes = JSON.createObjectNode();
            ObjectNode tooLong = JSON.createObjectNode();
            ObjectNode nulls = JSON.createObjectNode();
            for (Iterator<String> names = object.path("properties").fieldNames(); names.hasNext();) {
                String name = names.next();
                wrongTypes.put(name, 12345);
                tooLong.put(name, "x".repeat(10_000));
                nulls.putNull(name);
            }
            for (ObjectNode body : List.of(wrongTypes, tooLong, nulls)) {
                bodies.add(body.toString());
                bodies.add("[" + body + "]");
            }
        }
        return bodies;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (ref.startsWith("#/")) {
            JsonNode target = document;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            return target;
        }
        return node;
    }

    private static RequestSpecification withBody(RequestSpecification request, String mediaType, String body) {
        return mediaType == null ? request : request.contentType(mediaType).body(body);
    }

    private void send(String what, RequestSpecification request, String method, String path) {
        requests++;
        Response response = request.baseUri(Platform.suite().gatewayUrl()).urlEncodingEnabled(false)
                .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .when().request(method.toUpperCase(), path);
        int status = response.statusCode();
        String contentType = String.valueOf(response.contentType());
        if (status >= 500 || (status >= 400 && !contentType.startsWith("application/problem+json"))) {
            findings.add(new Finding(method.toUpperCase() + " " + abbreviate(path) + " (" + what + ")", status, contentType,
                    abbreviate(response.asString())));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "... (" + text.length() + " chars)";
    }
}

package io.syndication.gateway.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.syndication.http.Problem;
import io.syndication.http.ProblemType;

/**
 * The platform's API contract, from which partners generate their clients: the services' build-time
 * OpenAPI documents merged (OpenApiMerge), with what the gateway adds to every operation: its OAuth2
 * client-credentials scheme, its rate limit's headers and 429, its 503 and 504. Written by
 * {@code scripts/update-openapi} (this class's {@link #main}) into {@value #RESOURCE}, committed, and
 * served by {@link PlatformOpenApi} whatever state the services are in; the end-to-end tests fail
 * while the committed file is not what the services' current documents make. Its version is the
 * newest entry of the CHANGELOG.md beside it.
 */
public final class PlatformContract {

    /** The contract on the gateway's classpath. */
    public static final String RESOURCE = "openapi/platform-openapi.json";
    /** Its versions, newest first, each a {@code ## <version>} heading with what it changed. */
    public static final String CHANGELOG = "openapi/CHANGELOG.md";

    /** The scheme every operation that needs a token names. */
    static final String SECURITY_SCHEME = "oauth2";
    /** Where the token URL is, which the committed file gives as the suite's and the gateway serves as configured. */
    static final JsonPointer CLIENT_CREDENTIALS = JsonPointer.compile(
            "/components/securitySchemes/" + SECURITY_SCHEME + "/flows/clientCredentials");

    /** The services, in the order they are merged: a later one's schema that clashes with an earlier one's is renamed. */
    private static final List<String> SERVICES = List.of("partner-service", "content-service", "schedule-service");
    private static final Path RESOURCES = Path.of("gateway", "src", "main", "resources");
    private static final String SUITE_GATEWAY = "http://127.0.0.1:8080";
    private static final String SUITE_TOKEN_URL = "http://127.0.0.1:8180/realms/syndication/protocol/openid-connect/token";
    private static final Pattern VERSION_HEADING = Pattern.compile("^## (\\S+)", Pattern.MULTILINE);
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset");
    private static final String RETRY_AFTER = "Retry-After";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PlatformContract() {
    }

    /** Writes the contract the services' last builds make over the committed one: {@code [repository root]}, by default here. */
    public static void main(String[] args) throws IOException {
        Path repository = Path.of(args.length > 0 ? args[0] : ".");
        Path committed = committed(repository);
        Files.writeString(committed, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(fromBuild(repository)) + "\n");
        System.out.println("Wrote " + committed);
    }

    /** The committed contract's file in the repository at {@code repository}. */
    public static Path committed(Path repository) {
        return repository.resolve(RESOURCES).resolve(RESOURCE);
    }

    /**
     * The contract from the documents the services' builds wrote into {@code <service>/target/openapi/openapi.json}
     * of the repository at {@code repository}, versioned as its changelog's newest entry.
     */
    public static ObjectNode fromBuild(Path repository) {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Path document = repository.resolve(service).resolve("target/openapi/openapi.json");
            if (!Files.isRegularFile(document)) {
                throw new IllegalStateException(document + " is missing: build the services first (./mvnw install -DskipTests)");
            }
            documents.put(service, read(document));
        }
        try {
            return of(documents, newestVersion(Files.readString(repository.resolve(RESOURCES).resolve(CHANGELOG))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version of a changelog's first entry. */
    public static String newestVersion(String changelog) {
        Matcher heading = VERSION_HEADING.matcher(changelog);
        if (!heading.find()) {
            throw new IllegalStateException("The changelog has no entry: a '## <version>' heading");
        }
        return heading.group(1);
    }

    /** The contract from the services' {@code documents} (by service name, in merging order) at {@code version}. */
    static ObjectNode of(Map<String, JsonNode> documents, String version) {
        ObjectNode merged = OpenApiMerge.merge(documents, info(version), SECURITY_SCHEME);
        ObjectNode contract = JSON.createObjectNode();
        contract.set("openapi", merged.get("openapi"));
        contract.set("info", merged.get("info"));
        // PlatformOpenApi serves the gateway as each caller reaches it
        contract.putArray("servers").addObject().put("url", SUITE_GATEWAY).put("description", "The platform's gateway");
        contract.setAll(merged);
        ObjectNode components = (ObjectNode) contract.get("components");
        components.putObject("securitySchemes").set(SECURITY_SCHEME, tokenScheme());
        components.set("headers", headers());
        components.set("responses", gatewayAnswers());
        contract.get("paths").forEach(item -> METHODS.stream().filter(item::has)
                .forEach(method -> throughTheGateway((ObjectNode) item.get(method))));
        return contract;
    }

    private static ObjectNode info(String version) {
        ObjectNode info = JSON.createObjectNode()
                .put("title", "Partner content syndication platform API")
                .put("version", version)
                .put("description", "Every API of the platform through its gateway: partner onboarding, the content "
                        + "catalogue, channels and their guide. Tokens come from the platform's OpenID Connect provider by "
                        + "the OAuth2 client-credentials grant, at the token URL of the oauth2 security scheme. Every error "
                        + "is application/problem+json (RFC 9457), and its type URI is a page saying what it means and what "
                        + "to do (all of them at /problems). Each client has a rate limit: every successful answer carries "
                        + "RateLimit-Limit, RateLimit-Remaining and RateLimit-Reset (a 401 those of the caller's address, "
                        + "whose limit a caller without a valid token has), and a 429, like a 503 or 504, says in "
                        + "Retry-After when to try again. What each version of this document changed is in its changelog.");
        info.putObject("contact").put("name", "Partner integrations").put("email", "partners@syndication.example")
                .put("url", "https://syndication.example/partners");
        info.putObject("license").put("name", "Partner Content Syndication Agreement")
                .put("url", "https://syndication.example/partners/agreement");
        return info;
    }

    private static ObjectNode tokenScheme() {
        ObjectNode scheme = JSON.createObjectNode().put("type", "oauth2")
                .put("description", "A bearer token from the platform's OpenID Connect provider by the client-credentials "
                        + "grant, with the client id and secret a partner is given when approved. Each operation's "
                        + "description names the roles it needs.");
        scheme.putObject("flows").putObject("clientCredentials").put("tokenUrl", SUITE_TOKEN_URL).putObject("scopes");
        return scheme;
    }

    /** The headers of the gateway's rate limit and its refusals, as gateway/README.md describes them. */
    private static ObjectNode headers() {
        ObjectNode headers = JSON.createObjectNode();
        header(headers, RETRY_AFTER, "Seconds to wait before sending the request again");
        header(headers, "RateLimit-Limit", "Requests this client may make per period of its limit (the size of its bucket)");
        header(headers, "RateLimit-Remaining", "Requests this client may still make now");
        header(headers, "RateLimit-Reset", "Seconds until this client may again make RateLimit-Limit requests at once");
        return headers;
    }

    private static void header(ObjectNode headers, String name, String description) {
        headers.putObject(name).put("description", description).putObject("schema").put("type", "integer");
    }

    /** The answers the gateway itself gives on any route, by name in components.responses. */
    private static ObjectNode gatewayAnswers() {
        ObjectNode responses = JSON.createObjectNode();
        responses.set("TooManyRequests", answer("The client's rate limit is used up; retry after Retry-After",
                Stream.concat(Stream.of(RETRY_AFTER), RATE_LIMIT_HEADERS.stream()).toList(), 429));
        responses.set("ServiceUnavailable", answer("The service behind this path, or one it depends on, is unavailable; "
                + "the type says which. Nothing was changed; retry after Retry-After", List.of(RETRY_AFTER), 503));
        responses.set("GatewayTimeout", answer("The service behind this path did not answer in time; retry a read after "
                + "Retry-After, and read before sending a write again", List.of(RETRY_AFTER), 504));
        return responses;
    }

    /** A problem answer with {@code headers}, its examples every problem type of {@code status} in the catalogue. */
    private static ObjectNode answer(String description, List<String> headers, int status) {
        ObjectNode answer = JSON.createObjectNode().put("description", description);
        ObjectNode named = answer.putObject("headers");
        headers.forEach(header -> named.putObject(header).put("$ref", "#/components/headers/" + header));
        ObjectNode problem = answer.putObject("content").putObject(Problem.MEDIA_TYPE);
        problem.putObject("schema").put("$ref", "#/components/schemas/Problem");
        ObjectNode examples = problem.putObject("examples");
        for (ProblemType kind : ProblemType.values()) {
            if (kind.status() == status) {
                ObjectNode example = examples.putObject(kind.slug()).put("description", kind.explanation());
                example.putObject("value").put("type", kind.typeUnder(ProblemType.DEFAULT_TYPE_BASE).toString())
                        .put("title", kind.title()).put("status", status);
            }
        }
        return answer;
    }

    /**
     * An operation as it is reached through the gateway: rate limited (its successes and its 401 say how
     * much is left, a 429 when nothing is), and answered 503 or 504 by the gateway when its service is down or
     * slow (a service's own 503 is one of the kinds the gateway's lists).
     */
    private static void throughTheGateway(ObjectNode operation) {
        ObjectNode responses = (ObjectNode) operation.get("responses");
        responses.fields().forEachRemaining(response -> {
            // a 401 too: the gateway answers it with the caller's bucket as an anonymous caller (EdgeChallenge)
            if ((response.getKey().startsWith("2") || response.getKey().equals("401")) && !response.getValue().has("$ref")) {
                ObjectNode headers = ((ObjectNode) response.getValue()).withObjectProperty("headers");
                RATE_LIMIT_HEADERS.forEach(header -> headers.putObject(header).put("$ref", "#/components/headers/" + header));
            }
        });
        Map<String, JsonNode> byStatus = new TreeMap<>();
        responses.fields().forEachRemaining(response -> byStatus.put(response.getKey(), response.getValue()));
        byStatus.put("429", JSON.createObjectNode().put("$ref", "#/components/responses/TooManyRequests"));
        byStatus.put("503", JSON.createObjectNode().put("$ref", "#/components/responses/ServiceUnavailable"));
        byStatus.put("504", JSON.createObjectNode().put("$ref", "#/components/responses/GatewayTimeout"));
        responses.removeAll().setAll(byStatus);
    }

    private static JsonNode read(Path document) {
        try {
            return JSON.readTree(document.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Not an OpenAPI JSON document: " + document, e);
        }
    }
}

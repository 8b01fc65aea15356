package io.syndication.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The launch partners, onboarded through the public API as real partners would be: each applies,
 * the suite's admin approves it, and the credentials Keycloak issues are written to a file.
 */
final class DemoPartners {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final List<Map<String, Object>> LAUNCH_PARTNERS = List.of(
            partner("Asia Business News Ltd", "ABN 24/7", "asia-business-news", "NEWS",
                    List.of("HK", "SG", "IN", "AU", "JP"), List.of("en", "zh-Hant-HK"), "https://abn.example"),
            partner("Asian Cricket Council Ltd", "ACC Cricket", "cricket-council", "SPORTS",
                    List.of("IN", "AU", "SG", "HK"), List.of("en", "hi-IN"), "https://cricket-council.example"),
            partner("Seoul Beat Media Co", "K-Pop Weekly", "kpop-weekly", "MUSIC",
                    List.of("KR", "JP", "SG", "HK"), List.of("ko", "en"), "https://kpop-weekly.example"),
            partner("Pacific Esports League Pte Ltd", "PEL Esports", "pacific-esports", "ESPORTS",
                    List.of("SG", "KR", "JP", "AU"), List.of("en", "ko", "ja"), "https://pel.example"),
            partner("Tokyo Digital Publishing KK", "Tokyo Digital", "tokyo-digital", "LIFESTYLE",
                    List.of("JP"), List.of("ja"), "https://tokyo-digital.example"));

    private DemoPartners() {
    }

    /**
     * Onboards each launch partner not yet known; for one already there, rotates its secret (a secret
     * is shown only once), or approves it if an earlier start stopped short of that. Writes every partner's credentials to {@code file}.
     */
    static void onboard(String gateway, String adminToken, String agreementVersion, Path file) {
        List<Map<String, String>> credentials = new ArrayList<>();
        for (Map<String, Object> application : LAUNCH_PARTNERS) {
            Map<String, Object> body = new LinkedHashMap<>(application);
            body.put("agreementVersion", agreementVersion);
            HttpResponse<String> applied = send(gateway + "/api/v1/applications", null, body);
            JsonNode issued;
            if (applied.statusCode() == 201) {
                String id = read(applied).path("id").asText();
                issued = read(expect(200, send(gateway + "/api/v1/partners/" + id + "/approve", adminToken, Map.of())));
                issued = withId(issued, id);
            } else if (applied.statusCode() == 409) {
                JsonNode existing = existing(gateway, adminToken, (String) application.get("slug"));
                String id = existing.path("id").asText();
                // an earlier start may have stopped between applying and approving
                String action = "APPLIED".equals(existing.path("status").asText()) ? "approve" : "credentials/rotate";
                issued = withId(read(expect(200, send(gateway + "/api/v1/partners/" + id + "/" + action,
                        adminToken, Map.of()))), id);
            } else {
                throw new IllegalStateException("Applying as " + application.get("slug") + " answered "
                        + applied.statusCode() + ": " + applied.body());
            }
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("partner", (String) application.get("displayName"));
            entry.put("partnerId", issued.path("id").asText());
            entry.put("clientId", issued.path("clientId").asText());
            entry.put("clientSecret", issued.path("clientSecret").asText());
            credentials.add(entry);
        }
        try {
            Files.createDirectories(file.getParent());
            JSON.writeValue(file.toFile(), credentials);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String agreementVersion(String gateway) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/applications/agreement")).GET().build();
        return read(expect(200, exchange(request))).path("version").asText();
    }

    static String token(String tokenEndpoint, String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return read(expect(200, exchange(request))).path("access_token").asText();
    }

    private static JsonNode existing(String gateway, String adminToken, String slug) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/partners?q=" + slug + "&limit=200"))
                .header("Authorization", "Bearer " + adminToken).GET().build();
        for (JsonNode partner : read(expect(200, exchange(request))).path("items")) {
            if (slug.equals(partner.path("slug").asText())) {
                return partner;
            }
        }
        throw new IllegalStateException("The slug " + slug + " is taken, but no partner has it");
    }

    private static JsonNode withId(JsonNode issued, String id) {
        return ((com.fasterxml.jackson.databind.node.ObjectNode) issued.deepCopy()).put("id", id);
    }

    private static HttpResponse<String> send(String url, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return exchange(request.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> partner(String legalName, String displayName, String slug, String category,
            List<String> territories, List<String> languages, String website) {
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("legalName", legalName);
        application.put("displayName", displayName);
        application.put("slug", slug);
        application.put("category", category);
        application.put("territories", territories);
        application.put("languages", languages);
        application.put("contactEmail", "partnerships@" + URI.create(website).getHost());
        application.put("website", website);
        return application;
    }
}

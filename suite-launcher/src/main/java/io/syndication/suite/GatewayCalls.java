package io.syndication.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The platform's API as the suite's demo data uses it: JSON over HTTP with client-credentials tokens. */
final class GatewayCalls {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayCalls() {
    }

    static String token(String tokenEndpoint, String clientId, String secret) {
        return read(expect(200, tokenAnswer(tokenEndpoint, clientId, secret))).path("access_token").asText();
    }

    /** A token, or empty when the token endpoint refuses the client's credentials (a secret rotated since, say). */
    static Optional<String> tokenIfAccepted(String tokenEndpoint, String clientId, String secret) {
        HttpResponse<String> answer = tokenAnswer(tokenEndpoint, clientId, secret);
        return answer.statusCode() == 200 ? Optional.of(read(answer).path("access_token").asText()) : Optional.empty();
    }

    private static HttpResponse<String> tokenAnswer(String tokenEndpoint, String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return exchange(request);
    }

    static HttpResponse<String> get(String url, String token) {
        return send("GET", url, token, null, null);
    }

    static HttpResponse<String> post(String url, String token, Object body) {
        return send("POST", url, token, body, null);
    }

    /** A POST that applies only to the version {@code etag} names (If-Match), such as an approval. */
    static HttpResponse<String> post(String url, String token, Object body, String etag) {
        return send("POST", url, token, body, etag);
    }

    static HttpResponse<String> patch(String url, String token, Object body) {
        return send("PATCH", url, token, body, null);
    }

    private static HttpResponse<String> send(String method, String url, String token, Object body, String ifMatch) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
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

    static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The item of a list answer ({@code items}) with this slug, the one a taken slug belongs to, page after
     * page ({@code next}): a suite the benchmarks filled holds more than a page of channels.
     */
    static JsonNode withSlug(String listUrl, String token, String slug) {
        String page = listUrl;
        while (page != null) {
            JsonNode answer = read(expect(200, get(page, token)));
            for (JsonNode item : answer.path("items")) {
                if (slug.equals(item.path("slug").asText())) {
                    return item;
                }
            }
            page = answer.path("next").isTextual()
                    ? listUrl + "&next=" + URLEncoder.encode(answer.path("next").asText(), StandardCharsets.UTF_8)
                    : null;
        }
        throw new IllegalStateException("The slug " + slug + " is taken, but " + listUrl + " does not list it");
    }
}

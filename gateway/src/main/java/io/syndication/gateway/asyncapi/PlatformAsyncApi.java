package io.syndication.gateway.asyncapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.syndication.gateway.EdgeSteps;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /asyncapi}: the platform's events (Kafka topics and partner webhooks), the AsyncAPI 3.0
 * document built into the gateway ({@value #RESOURCE}), beside the API's {@code /openapi}. As Quarkus
 * serves {@code /q/openapi}: YAML, or JSON for {@code ?format=json} or an Accept naming
 * {@code application/json}. The document is the same for every deployment and caller (its brokers are
 * server variables), so each form is made once at start and carries an ETag: a client that has it gets a
 * 304.
 */
@ApplicationScoped
public class PlatformAsyncApi {

    /** The document on the gateway's classpath. */
    public static final String RESOURCE = "asyncapi/platform-asyncapi.yaml";

    static final String YAML_TYPE = "application/yaml";
    static final String JSON_TYPE = "application/json";

    /** One form of the document, ready to send. */
    private record Form(String contentType, byte[] body, String etag) {

        static Form of(String contentType, byte[] body) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
                return new Form(contentType, body,
                        "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }
    }

    private final Form yaml;
    private final Form json;

    public PlatformAsyncApi() {
        byte[] text = committed();
        this.yaml = Form.of(YAML_TYPE, text);
        try {
            // parsed here, so that a document that is not YAML fails the start rather than a caller
            this.json = Form.of(JSON_TYPE, new ObjectMapper().writeValueAsBytes(new YAMLMapper().readTree(text)));
        } catch (IOException e) {
            throw new UncheckedIOException("The platform's AsyncAPI document " + RESOURCE + " is not YAML", e);
        }
    }

    void register(@Observes Router router) {
        router.get("/asyncapi").order(EdgeSteps.PLATFORM_ASYNCAPI.order()).handler(this::serve);
    }

    private void serve(RoutingContext rc) {
        Form form = wantsJson(rc) ? json : yaml;
        rc.response().putHeader("ETag", form.etag()).putHeader("Vary", "Accept")
                // the document changes only with a release
                .putHeader("Cache-Control", "public, max-age=3600");
        if (alreadyHas(rc.request(), form.etag())) {
            rc.response().setStatusCode(304).end();
            return;
        }
        rc.response().putHeader("Content-Type", form.contentType()).end(Buffer.buffer(form.body()));
    }

    /** As Quarkus' /q/openapi decides: a {@code format} parameter if there is one, else the Accept header. */
    private static boolean wantsJson(RoutingContext rc) {
        List<String> format = rc.queryParam("format");
        if (!format.isEmpty()) {
            return "json".equalsIgnoreCase(format.get(0));
        }
        return String.valueOf(rc.request().getHeader("Accept")).contains(JSON_TYPE);
    }

    /** Whether If-None-Match names this form (compared weakly, as RFC 9110 says for it) or is {@code *}. */
    private static boolean alreadyHas(HttpServerRequest request, String etag) {
        String noneMatch = request.getHeader("If-None-Match");
        if (noneMatch == null) {
            return false;
        }
        for (String tag : noneMatch.split(",")) {
            String trimmed = tag.trim();
            if (trimmed.equals("*") || (trimmed.startsWith("W/") ? trimmed.substring(2) : trimmed).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] committed() {
        try (InputStream resource = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (resource == null) {
                throw new IllegalStateException("The platform's AsyncAPI document " + RESOURCE + " is not on the classpath");
            }
            return resource.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("The platform's AsyncAPI document could not be read", e);
        }
    }
}

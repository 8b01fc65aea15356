package io.syndication.gateway.openapi;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.syndication.gateway.EdgeSteps;
import io.syndication.gateway.config.GatewayConfig;
import io.syndication.gateway.security.TrustedProxies;
import io.syndication.http.HttpProblems;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.syndication.http.ProblemType;

/**
 * {@code GET /openapi}: the whole platform's API as one document, merged from the services' own,
 * with the gateway's public URL as its server; JSON, or YAML for {@code ?format=yaml} or an Accept
 * asking for it. Merged again at most every {@link #FRESH_FOR}; a service that cannot be reached is
 * left out until it can, and named in {@code x-unavailable-services}.
 */
@ApplicationScoped
public class PlatformOpenApi {

    static final Duration FRESH_FOR = Duration.ofSeconds(30);

    private static final Logger LOG = Logger.getLogger(PlatformOpenApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final GatewayConfig config;
    private final TrustedProxies proxies;
    private HttpClient client;
    private volatile ObjectNode merged;
    private volatile long mergedAt;

    public PlatformOpenApi(GatewayConfig config, TrustedProxies proxies) {
        this.config = config;
        this.proxies = proxies;
    }

    void register(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient();
        router.get("/openapi").order(EdgeSteps.PLATFORM_OPENAPI.order()).handler(this::serve);
    }

    private void serve(RoutingContext rc) {
        String server = proxies.publicUrl(proxies.origin(rc.request()));
        document().onSuccess(merged -> {
            ObjectNode document = OpenApiMerge.servedFrom(merged, server);
            boolean yaml = "yaml".equals(rc.request().getParam("format"))
                    || String.valueOf(rc.request().getHeader("Accept")).contains("yaml");
            try {
                rc.response().putHeader("Content-Type", yaml ? "application/yaml" : "application/json")
                        .end(yaml ? YAML.writeValueAsString(document) : JSON.writeValueAsString(document));
            } catch (Exception e) {
                rc.fail(e);
            }
        }).onFailure(failure -> {
            LOG.warnf("The platform's OpenAPI document could not be made: %s", failure.toString());
            HttpProblems.write(rc, ProblemType.UPSTREAM_UNAVAILABLE.problem(
                "No service's API description could be read; retry shortly").at("/openapi"));
        });
    }

    private Future<ObjectNode> document() {
        ObjectNode current = merged;
        if (current != null && System.currentTimeMillis() - mergedAt < FRESH_FOR.toMillis()) {
            return Future.succeededFuture(current);
        }
        Map<String, Future<JsonNode>> fetches = new LinkedHashMap<>();
        config.upstreams().forEach((name, upstream) -> fetches.put(name, fetch(upstream.url().resolve("/q/openapi?format=json").toString())
                .onFailure(failure -> LOG.warnf("No OpenAPI document from %s: %s", name, failure.getMessage()))));
        return Future.join(List.copyOf(fetches.values())).transform(done -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            List<String> unavailable = new java.util.ArrayList<>();
            fetches.forEach((name, fetch) -> {
                if (fetch.succeeded()) {
                    documents.put(name, fetch.result());
                } else {
                    unavailable.add(name);
                }
            });
            if (documents.isEmpty()) {
                return Future.failedFuture("no upstream answered");
            }
            ObjectNode document = OpenApiMerge.merge(documents, info());
            if (!unavailable.isEmpty()) {
                document.putPOJO("x-unavailable-services", unavailable);
            } else {
                merged = document;
                mergedAt = System.currentTimeMillis();
            }
            return Future.succeededFuture(document);
        });
    }

    private Future<JsonNode> fetch(String url) {
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url).setTimeout(2000))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .map(PlatformOpenApi::parse);
    }

    private static JsonNode parse(Buffer body) {
        try {
            return JSON.readTree(body.getBytes());
        } catch (Exception e) {
            throw new IllegalStateException("Not an OpenAPI JSON document", e);
        }
    }

    private static ObjectNode info() {
        ObjectNode info = JSON.createObjectNode()
                .put("title", "Partner content syndication platform API")
                .put("version", "1.0.0")
                .put("description", "Every API of the platform through its gateway: partner onboarding, the content "
                        + "catalogue, channels and their guide. Tokens come from the platform's OpenID Connect provider "
                        + "(client-credentials grant); errors are application/problem+json.");
        info.putObject("contact").put("name", "Partner integrations").put("email", "partners@syndication.example")
                .put("url", "https://syndication.example/partners");
        info.putObject("license").put("name", "Partner Content Syndication Agreement")
                .put("url", "https://syndication.example/partners/agreement");
        return info;
    }
}

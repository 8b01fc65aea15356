package io.syndication.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.syndication.gateway.EdgeSteps;
import io.syndication.gateway.config.GatewayConfig;
import io.syndication.gateway.security.TrustedProxies;
import io.syndication.http.ProblemType;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /openapi}: the whole platform's API, the contract built into the gateway
 * ({@link PlatformContract}), so complete whatever state the services are in and asking none of them.
 * Served with this deployment's addresses: the gateway's public URL as its server, the configured
 * token URL in its OAuth2 scheme, and problem types under this deployment's base; JSON, or YAML for
 * {@code ?format=yaml} or an Accept asking for it.
 */
@ApplicationScoped
public class PlatformOpenApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final TrustedProxies proxies;
    private final ObjectNode contract;

    public PlatformOpenApi(GatewayConfig config, TrustedProxies proxies) {
        this.proxies = proxies;
        this.contract = deployed(config.tokenUrl());
    }

    void register(@Observes Router router) {
        router.get("/openapi").order(EdgeSteps.PLATFORM_OPENAPI.order()).handler(this::serve);
    }

    private void serve(RoutingContext rc) {
        ObjectNode document = servedFrom(proxies.publicUrl(proxies.origin(rc.request())));
        boolean yaml = "yaml".equals(rc.request().getParam("format"))
                || String.valueOf(rc.request().getHeader("Accept")).contains("yaml");
        try {
            rc.response().putHeader("Content-Type", yaml ? "application/yaml" : "application/json")
                    .end(yaml ? YAML.writeValueAsString(document) : JSON.writeValueAsString(document));
        } catch (IOException e) {
            rc.fail(e);
        }
    }

    /**
     * The contract with the gateway at {@code server} as its server: a copy of its top level only, the
     * rest shared with the contract, which serves every caller.
     */
    private ObjectNode servedFrom(String server) {
        ObjectNode served = JSON.createObjectNode().setAll(contract);
        served.putArray("servers").addObject().put("url", server).put("description", "The platform's gateway");
        return served;
    }

    /** The committed contract with this deployment's token URL and problem type base. */
    private static ObjectNode deployed(URI tokenUrl) {
        try (InputStream resource = Thread.currentThread().getContextClassLoader().getResourceAsStream(PlatformContract.RESOURCE)) {
            if (resource == null) {
                throw new IllegalStateException("The platform's API contract " + PlatformContract.RESOURCE + " is not on the classpath");
            }
            // its examples name problem types under the default base, as every build's documents do
            String text = new String(resource.readAllBytes(), StandardCharsets.UTF_8)
                    .replace(ProblemType.DEFAULT_TYPE_BASE, ProblemType.typeBase());
            ObjectNode contract = (ObjectNode) JSON.readTree(text);
            ((ObjectNode) contract.at(PlatformContract.CLIENT_CREDENTIALS)).put("tokenUrl", tokenUrl.toString());
            return contract;
        } catch (IOException e) {
            throw new UncheckedIOException("The platform's API contract could not be read", e);
        }
    }
}

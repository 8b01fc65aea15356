package io.syndication.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the gateway forwards: each upstream service by name, with the path prefixes it owns. */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    Map<String, Upstream> upstreams();

    /**
     * Where callers reach the gateway, e.g. {@code https://api.syndication.example}: the server of the
     * merged OpenAPI document and what a Location naming an upstream is rewritten to. Unset, each
     * request's own origin (see {@link #trustedProxies()}).
     */
    Optional<String> publicUrl();

    /**
     * Where partners get their tokens (the OAuth2 client-credentials grant), as the platform's OpenAPI
     * document names it: the identity provider's public token endpoint, by default the one of
     * {@code quarkus.oidc.auth-server-url}, which the gateway itself may reach by an internal address.
     */
    URI tokenUrl();

    /**
     * The proxies in front of the gateway (addresses or CIDR blocks, e.g. {@code 10.0.0.0/8}) whose
     * X-Forwarded-For, -Proto and -Host are believed; none by default, so that a caller's own are not.
     */
    Optional<List<String>> trustedProxies();

    interface Upstream {

        /** Base URL of the service, e.g. {@code http://partner-service:8081}. */
        URI url();

        /**
         * The service's management interface, e.g. {@code http://partner-service:9000}, where the gateway
         * reads its readiness; unset, its {@link #url()} (an upstream with no management port of its own).
         */
        Optional<URI> managementUrl();

        /** Paths forwarded as they are: the prefix itself and everything below it. */
        List<String> prefixes();

        @WithDefault("1s")
        Duration connectTimeout();

        /**
         * How long the upstream may stay silent while answering a request other than a long write;
         * then the caller gets a 504, and the upstream a failure against its circuit.
         */
        @WithDefault("10s")
        Duration responseTimeout();

        /**
         * Writes that may take the upstream long to answer (a 1000-item batch), as {@code METHOD
         * /path}, the path a Vert.x route path ({@code :id} for a segment): they are bounded by
         * {@link #longWriteTimeout()}, and running past it does not count against the circuit,
         * since it may be one tenant's big request rather than a sick upstream.
         */
        Optional<List<String>> longWrites();

        /** How long the upstream may stay silent while answering a long write; then the caller gets a 504. */
        @WithDefault("120s")
        Duration longWriteTimeout();

        /**
         * The largest body the upstream takes, its own {@code quarkus.http.limits.max-body-size}: a larger one,
         * declared by its Content-Length or counted as it streams, is the gateway's 413, and is never cut off
         * part-way by the upstream (which the circuit would take for the upstream failing).
         */
        @WithDefault("10240K")
        MemorySize maxBodySize();

        /** Failures in a row (refused, reset, timed out), however far apart, that open the circuit to this upstream. */
        @WithDefault("5")
        int breakerFailures();

        /** How long an open circuit answers 503 at once before one request probes the upstream. */
        @WithDefault("5s")
        Duration breakerReset();
    }
}

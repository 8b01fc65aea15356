package io.syndication.gateway.proxy;

import java.net.URI;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.syndication.gateway.EdgeSteps;
import io.syndication.gateway.config.GatewayConfig;
import io.syndication.gateway.security.TrustedProxies;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;

/**
 * Forwards each API prefix to the service that owns it ({@link UpstreamProxy}), over one pool of
 * keep-alive connections and behind a circuit per upstream; its long writes go by routes of their own,
 * with their own bound.
 */
@ApplicationScoped
public class UpstreamRoutes {

    void register(@Observes Router router, Vertx vertx, GatewayConfig config, TrustedProxies proxies,
            MeterRegistry metrics) {
        // The default pool of 5 connections per upstream would queue requests under load.
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAliveTimeout(30),
                new PoolOptions().setHttp1MaxSize(64).setMaxWaitQueueSize(1024));
        config.upstreams().forEach((name, upstream) -> {
            UpstreamCircuit circuit = new UpstreamCircuit(upstream.breakerFailures(), upstream.breakerReset());
            Gauge.builder("gateway.upstream.circuit.open", circuit, open -> open.isOpen() ? 1 : 0)
                    .description("1 while the gateway refuses calls to the upstream (its circuit is open), else 0")
                    .tag("upstream", name)
                    .register(metrics);
            UpstreamProxy longWrites = new UpstreamProxy(name, upstream, circuit, client, proxies, true);
            // registered first: the prefix routes below would take them too
            for (String longWrite : upstream.longWrites().orElse(List.of())) {
                String[] methodAndPath = longWrite.trim().split("\\s+", 2);
                if (methodAndPath.length != 2) {
                    throw new IllegalArgumentException("gateway.upstreams." + name + ".long-writes: '" + longWrite
                            + "' is not 'METHOD /path'");
                }
                router.route(HttpMethod.valueOf(methodAndPath[0]), methodAndPath[1]).order(EdgeSteps.PROXY.order())
                        .handler(longWrites);
            }
            UpstreamProxy proxy = new UpstreamProxy(name, upstream, circuit, client, proxies, false);
            for (String prefix : upstream.prefixes()) {
                router.route(prefix).order(EdgeSteps.PROXY.order()).handler(proxy);
                router.route(prefix + "/*").order(EdgeSteps.PROXY.order()).handler(proxy);
            }
        });
    }

    /** Where and how patiently a call to the upstream goes. */
    public static RequestOptions requestTo(GatewayConfig.Upstream upstream) {
        URI url = upstream.url();
        int port = url.getPort() > 0 ? url.getPort() : 80;
        return new RequestOptions()
                .setHost(url.getHost())
                .setPort(port)
                .setConnectTimeout(upstream.connectTimeout().toMillis())
                .setIdleTimeout(upstream.responseTimeout().toMillis());
    }
}

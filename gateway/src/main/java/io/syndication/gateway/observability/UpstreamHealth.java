package io.syndication.gateway.observability;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import io.syndication.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Each service behind the gateway, ready or not, by name: the health group {@code upstreams}
 * ({@code /q/health/group/upstreams} on the management port). It is not the gateway's own readiness:
 * a pod whose content-service is down still serves every other route, so it stays in its Service and
 * that one failure costs only content-service's routes (each answers 503 or 504 by itself).
 */
@HealthGroup(UpstreamHealth.GROUP)
@ApplicationScoped
public class UpstreamHealth implements AsyncHealthCheck {

    static final String GROUP = "upstreams";

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final GatewayConfig config;
    private final HttpClient client;

    public UpstreamHealth(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<Map.Entry<String, Boolean>>> probes = config.upstreams().entrySet().stream()
                .map(upstream -> probe(upstream.getValue().managementUrl().orElse(upstream.getValue().url()))
                        .map(ready -> Map.entry(upstream.getKey(), ready)))
                .toList();
        return Uni.join().all(probes).andFailFast().map(results -> {
            HealthCheckResponseBuilder response = HealthCheckResponse.named(GROUP).up();
            for (Map.Entry<String, Boolean> result : results) {
                response.withData(result.getKey(), result.getValue() ? "UP" : "DOWN");
                if (!result.getValue()) {
                    response.down();
                }
            }
            return response.build();
        });
    }

    private Uni<Boolean> probe(URI upstream) {
        RequestOptions request = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setAbsoluteURI(upstream.resolve("/q/health/ready").toString())
                .setTimeout(PROBE_TIMEOUT.toMillis());
        return Uni.createFrom().completionStage(() -> client.request(request)
                .compose(r -> r.send())
                .map(response -> response.statusCode() == 200)
                .toCompletionStage())
                .onFailure().recoverWithItem(false);
    }
}

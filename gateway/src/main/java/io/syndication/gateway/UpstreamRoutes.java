package io.syndication.gateway;

import java.net.URI;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.syndication.gateway.config.GatewayConfig;
import io.syndication.http.Problem;
import io.syndication.http.RequestIds;
import io.vertx.circuitbreaker.CircuitBreaker;
import io.vertx.circuitbreaker.CircuitBreakerOptions;
import io.vertx.circuitbreaker.OpenCircuitException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.Json;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Forwards each API prefix to the service that owns it, streaming bodies both ways. The caller's
 * {@code Authorization} and {@code X-Request-Id} go along; an upstream that cannot be reached
 * answers a problem+json 503 instead of an empty 502.
 */
@ApplicationScoped
public class UpstreamRoutes {

    /** After authentication and rate limiting, before Quarkus REST's own routes. */
    static final int ORDER = 1000;

    private static final Logger LOG = Logger.getLogger(UpstreamRoutes.class);

    void register(@Observes Router router, Vertx vertx, GatewayConfig config) {
        // The default pool of 5 connections per upstream would queue requests under load.
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAliveTimeout(30),
                new PoolOptions().setHttp1MaxSize(64).setMaxWaitQueueSize(1024));
        config.upstreams().forEach((name, upstream) -> {
            CircuitBreaker breaker = CircuitBreaker.create("upstream-" + name, vertx, new CircuitBreakerOptions()
                    .setMaxFailures(upstream.breakerFailures())
                    .setResetTimeout(upstream.breakerReset().toMillis())
                    // the response timeout bounds each call; the breaker only counts outcomes
                    .setTimeout(-1));
            RequestOptions options = requestTo(upstream);
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(context -> context.client().request(options))
                    .addInterceptor(new Forwarding(name, breaker, upstream.breakerReset().toSeconds()));
            ProxyHandler handler = ProxyHandler.create(proxy);
            for (String prefix : upstream.prefixes()) {
                router.route(prefix).order(ORDER).handler(handler);
                router.route(prefix + "/*").order(ORDER).handler(handler);
            }
        });
    }

    /** Where and how patiently a call to the upstream goes. */
    static RequestOptions requestTo(GatewayConfig.Upstream upstream) {
        URI url = upstream.url();
        int port = url.getPort() > 0 ? url.getPort() : 80;
        return new RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(port, url.getHost()))
                .setConnectTimeout(upstream.connectTimeout().toMillis())
                .setIdleTimeout(upstream.responseTimeout().toMillis());
    }

    /**
     * Adds the forwarding headers, calls the upstream through its circuit breaker (never retrying
     * a request that may not be idempotent), and turns a failed call into a problem answer: 504 for an
     * upstream that stayed silent too long, 503 with Retry-After for one that cannot be reached or
     * whose circuit is open.
     */
    private record Forwarding(String upstream, CircuitBreaker breaker, long retryAfterSeconds) implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            HttpServerRequest incoming = request.proxiedRequest();
            String forwardedFor = incoming.getHeader("X-Forwarded-For");
            String peer = incoming.remoteAddress().hostAddress();
            request.putHeader("X-Forwarded-For", forwardedFor == null ? peer : forwardedFor + ", " + peer);
            request.putHeader("X-Forwarded-Proto", incoming.scheme());
            request.putHeader("X-Forwarded-Host", incoming.authority().toString());
            // RequestIds has already given the incoming request its id.
            request.putHeader(RequestIds.HEADER, incoming.getHeader(RequestIds.HEADER));
            boolean resendable = resendable(incoming);
            if (resendable) {
                // nothing to stream: each attempt just ends its request, so there can be a second one
                request.setBody(null);
            }
            return breaker.<Attempt> execute(attempt -> send(context, incoming, resendable).onComplete(sent -> {
                if (sent.succeeded()) {
                    attempt.complete(new Attempt(sent.result(), null));
                } else if (incoming.response().closed()) {
                    // the caller went away and the proxy reset the upstream call: not the upstream's failure
                    attempt.complete(new Attempt(null, sent.cause()));
                } else {
                    attempt.fail(sent.cause());
                }
            }))
                    .compose(Attempt::outcome)
                    .recover(failure -> {
                        if (!incoming.response().closed()) {
                            LOG.warnf("Upstream %s failed for %s %s: %s", upstream, incoming.method(), incoming.path(),
                                    failure.getMessage());
                        }
                        return Future.succeededFuture(answer(request, failure, incoming.path()));
                    });
        }

        /**
         * Sends the request; a GET or HEAD without a body goes once more when its connection was
         * closed before any answer came: a pooled keep-alive connection the upstream had just
         * closed, not a failing upstream (nginx's proxy_next_upstream does the same). Nothing else
         * is ever sent twice.
         */
        private static Future<ProxyResponse> send(ProxyContext context, HttpServerRequest incoming, boolean resendable) {
            Future<ProxyResponse> first = context.sendRequest();
            if (!resendable) {
                return first;
            }
            return first.recover(failure -> failure instanceof HttpClosedException && !incoming.response().closed()
                    ? context.sendRequest() : Future.failedFuture(failure));
        }

        private static boolean resendable(HttpServerRequest incoming) {
            String length = incoming.getHeader(HttpHeaders.CONTENT_LENGTH);
            return (incoming.method() == HttpMethod.GET || incoming.method() == HttpMethod.HEAD)
                    && !incoming.headers().contains(HttpHeaders.TRANSFER_ENCODING) && (length == null || "0".equals(length));
        }

        /** An upstream call as the circuit breaker counts it: answered, or failed through no fault of the upstream. */
        private record Attempt(ProxyResponse response, Throwable callerGone) {

            Future<ProxyResponse> outcome() {
                return response != null ? Future.succeededFuture(response) : Future.failedFuture(callerGone);
            }
        }

        private ProxyResponse answer(ProxyRequest request, Throwable failure, String path) {
            Problem problem;
            if (failure instanceof OpenCircuitException) {
                problem = Problem.of("upstream-unavailable", "Service Unavailable", 503, "The " + upstream
                        + " behind this path failed repeatedly and is not being called for now; retry after the Retry-After delay");
            } else if (failure instanceof TimeoutException) {
                problem = Problem.of("upstream-timeout", "Gateway Timeout", 504,
                        "The " + upstream + " behind this path did not answer in time");
            } else {
                problem = Problem.of("upstream-unavailable", "Service Unavailable", 503,
                        "The " + upstream + " behind this path cannot be reached; retry shortly");
            }
            ProxyResponse response = request.release().response()
                    .setStatusCode(problem.status())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .setBody(Body.body(Buffer.buffer(Json.encode(problem.at(path)))));
            if (problem.status() == 503) {
                response.putHeader("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
            }
            return response;
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            // The gateway already echoes the request id; the upstream's copy would make it appear twice.
            context.response().headers().remove("Server").remove(RequestIds.HEADER);
            return context.sendResponse();
        }
    }

}

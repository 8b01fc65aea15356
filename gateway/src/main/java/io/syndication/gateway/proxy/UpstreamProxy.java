package io.syndication.gateway.proxy;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.syndication.gateway.config.GatewayConfig;
import io.syndication.gateway.security.TrustedProxies;
import io.syndication.http.HttpProblems;
import io.syndication.http.Problem;
import io.syndication.http.ProblemType;
import io.syndication.http.RequestBodies;
import io.syndication.http.RequestIds;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * Streams a request to one upstream and its answer back, bodies in both directions without
 * buffering. The caller's headers go along except the hop-by-hop ones, with X-Forwarded-For, -Proto
 * and -Host and the request id added; a Location or Content-Location naming the upstream names the
 * gateway's public URL instead. The call goes through the upstream's circuit, and a failed call
 * becomes a problem answer with Retry-After: 504 for an upstream that stayed silent past the route's
 * bound (a long write's or every other request's), 503 for one that cannot be reached or whose
 * circuit is open. A body over the upstream's limit is the gateway's own 413 (CountedBody). Nothing that
 * may not be idempotent is ever sent twice.
 */
final class UpstreamProxy implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);

    /**
     * Headers that describe one connection, not the message (RFC 9110, 7.6.1), and Host, which the
     * upstream call sets for itself. Header names are case-insensitive.
     */
    private static final Set<String> HOP_BY_HOP = headerNames("Connection", "Keep-Alive", "Proxy-Connection",
            "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host");
    /** And of an answer, the server's name and the request id the gateway echoes itself (not twice). */
    private static final Set<String> NOT_RELAYED = headerNames(HOP_BY_HOP, "Server", RequestIds.HEADER);
    /** Answer headers that may name the upstream by its URL. */
    private static final List<String> LOCATIONS = List.of("Location", "Content-Location");

    private final String upstream;
    private final UpstreamCircuit circuit;
    private final HttpClient client;
    private final TrustedProxies proxies;
    private final boolean longWrites;
    private final Duration silenceAllowed;
    private final RequestOptions options;
    private final long retryAfterSeconds;
    private final long maxBodySize;

    /** The proxy to {@code upstream} for its long writes, or for every other request. */
    UpstreamProxy(String name, GatewayConfig.Upstream upstream, UpstreamCircuit circuit, HttpClient client,
            TrustedProxies proxies, boolean longWrites) {
        this.upstream = name;
        this.circuit = circuit;
        this.client = client;
        this.proxies = proxies;
        this.longWrites = longWrites;
        this.silenceAllowed = longWrites ? upstream.longWriteTimeout() : upstream.responseTimeout();
        this.options = UpstreamRoutes.requestTo(upstream).setIdleTimeout(silenceAllowed.toMillis());
        this.retryAfterSeconds = Math.max(1, upstream.breakerReset().toSeconds());
        this.maxBodySize = upstream.maxBodySize().asLongValue();
    }

    @Override
    public void handle(RoutingContext rc) {
        HttpServerRequest incoming = rc.request();
        String transferEncoding = incoming.getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (transferEncoding != null && !"chunked".equalsIgnoreCase(transferEncoding)) {
            HttpProblems.write(rc, ProblemType.UNSUPPORTED_TRANSFER_ENCODING.problem(
                    "Only a chunked Transfer-Encoding is accepted, not " + transferEncoding).at(incoming.path()));
            return;
        }
        if (RequestBodies.declaresMoreThan(incoming, maxBodySize)) {
            RequestBodies.refuseBody(rc, HttpProblems.contentTooLarge(incoming.path(), maxBodySize));
            return;
        }
        UpstreamCircuit.Pass pass = circuit.admit(longWrites);
        if (pass == UpstreamCircuit.Pass.REFUSED) {
            refuse(rc, ProblemType.UPSTREAM_UNAVAILABLE.problem("The " + upstream
                    + " behind this path failed repeatedly and is not being called for now; retry after the Retry-After delay"));
            return;
        }
        boolean resendable = transferEncoding == null && bodilessRead(incoming);
        TrustedProxies.Origin origin = proxies.origin(incoming);
        CountedBody body = new CountedBody(incoming, maxBodySize);
        send(incoming, body, origin, resendable).onComplete(sent -> {
            if (sent.succeeded()) {
                circuit.answered();
                relay(sent.result(), rc, origin);
            } else if (body.tooLarge()) {
                // the gateway abandoned the call itself, before the upstream could cut the body off: nothing learnt of it
                circuit.inconclusive(pass);
                RequestBodies.refuseBody(rc, HttpProblems.contentTooLarge(incoming.path(), maxBodySize));
            } else if (incoming.response().closed()) {
                // a caller that went away had its upstream call reset: no answer, and nothing learnt of the upstream
                circuit.inconclusive(pass);
            } else if (sent.cause() instanceof TimeoutException && !resendable && !incoming.isEnded()) {
                // the caller's body stopped arriving, and the upstream waited for it: the caller's doing, not the
                // upstream's, so it must not open the circuit for everyone
                circuit.inconclusive(pass);
                HttpProblems.write(rc, HttpProblems.bodyStalled(incoming.path()));
            } else {
                boolean timedOut = sent.cause() instanceof TimeoutException;
                if (timedOut && longWrites) {
                    // maybe one tenant's big write, not a sick upstream: it must not open the circuit for everyone
                    circuit.inconclusive(pass);
                } else {
                    circuit.failed(pass);
                }
                LOG.warnf("Upstream %s failed for %s %s: %s", upstream, incoming.method(), incoming.path(),
                        sent.cause().getMessage());
                refuse(rc, timedOut
                        ? ProblemType.UPSTREAM_TIMEOUT.problem("The " + upstream
                                + " behind this path did not answer within " + readable(silenceAllowed))
                        : ProblemType.UPSTREAM_UNAVAILABLE.problem("The " + upstream
                                + " behind this path cannot be reached; retry shortly"));
            }
        });
    }

    /**
     * Sends the request; a GET or HEAD without a body goes once more when its connection was closed
     * before any answer came: a pooled keep-alive connection the upstream had just closed, not a
     * failing upstream (nginx's proxy_next_upstream does the same).
     */
    private Future<HttpClientResponse> send(HttpServerRequest incoming, CountedBody body, TrustedProxies.Origin origin,
            boolean resendable) {
        Future<HttpClientResponse> first = call(incoming, body, origin, resendable);
        if (!resendable) {
            return first;
        }
        return first.recover(failure -> failure instanceof HttpClosedException && !incoming.response().closed()
                ? call(incoming, body, origin, true) : Future.failedFuture(failure));
    }

    /** The upstream's answer comes paused: its body waits until it is relayed. */
    private Future<HttpClientResponse> call(HttpServerRequest incoming, CountedBody body, TrustedProxies.Origin origin,
            boolean bodiless) {
        return client.request(options).compose(request -> {
            request.setMethod(incoming.method()).setURI(incoming.uri());
            MultiMap headers = request.headers();
            copy(incoming.headers(), headers, HOP_BY_HOP);
            String peer = incoming.remoteAddress().hostAddress();
            String forwardedFor = incoming.getHeader("X-Forwarded-For");
            headers.set("X-Forwarded-For", forwardedFor == null ? peer : forwardedFor + ", " + peer);
            headers.set("X-Forwarded-Proto", origin.scheme());
            headers.set("X-Forwarded-Host", origin.host());
            // RequestIds has already given the incoming request its id
            headers.set(RequestIds.HEADER, incoming.getHeader(RequestIds.HEADER));
            // a caller that hangs up abandons the call, so that the upstream connection is not reused half-read
            incoming.response().exceptionHandler(failure -> request.reset(0, failure));
            if (!bodiless && !incoming.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                // a chunked upload, or an HTTP/2 one that declares no length
                request.setChunked(true);
            }
            body.onTooLarge(() -> request.reset(0, new IllegalStateException("The caller's body is over the upstream's limit")));
            return (bodiless ? request.send() : request.send(body)).map(answer -> answer.pause()
                    // a failure before the answer is relayed (its call reset, or its connection lost) ends the caller's too
                    .exceptionHandler(failure -> incoming.response().reset()));
        });
    }

    /** A GET or HEAD with no body declared (the caller checks Transfer-Encoding). */
    private static boolean bodilessRead(HttpServerRequest incoming) {
        String length = incoming.getHeader(HttpHeaders.CONTENT_LENGTH);
        return (incoming.method() == HttpMethod.GET || incoming.method() == HttpMethod.HEAD)
                && (length == null || "0".equals(length));
    }

    /**
     * Streams the upstream's answer to the caller; a failure half-way resets both sides rather than
     * end a truncated body. A body of unknown length goes chunked, or to an HTTP/1.0 caller, which
     * knows no chunks, as it comes, ended by closing the connection.
     */
    private void relay(HttpClientResponse answer, RoutingContext rc, TrustedProxies.Origin origin) {
        HttpServerResponse response = rc.response();
        if (response.closed()) {
            // the caller hung up, or the answer failed, while it waited to be relayed
            answer.request().reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        copy(answer.headers(), response.headers(), NOT_RELAYED);
        for (String header : LOCATIONS) {
            String location = response.headers().get(header);
            String rest = location == null ? null : onThisUpstream(location);
            if (rest != null) {
                response.headers().set(header, proxies.publicUrl(origin) + rest);
            }
        }
        boolean lengthUnknown = !answer.headers().contains(HttpHeaders.CONTENT_LENGTH)
                && bodyAllowed(rc.request().method(), answer.statusCode());
        boolean endedByClosing = lengthUnknown && rc.request().version() == HttpVersion.HTTP_1_0;
        if (endedByClosing) {
            // over the Connection: keep-alive Vert.x writes for a caller that asked for it, which would be untrue
            rc.addHeadersEndHandler(headersEnd -> response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE));
        } else if (lengthUnknown) {
            response.setChunked(true);
        }
        answer.pipe().endOnFailure(false).to(response).onComplete(piped -> {
            if (piped.failed()) {
                // what the upstream may still send belongs to nobody now
                answer.request().reset(0, piped.cause());
                response.reset();
            } else if (endedByClosing) {
                // once the body is written
                response.close();
            }
        });
    }

    /**
     * What follows the authority (path, query, fragment) of a URL naming this upstream, as a service
     * builds one from the Host it was called by; null for a relative one or another host's.
     */
    private String onThisUpstream(String location) {
        try {
            URI target = new URI(location);
            int port = target.getPort() > 0 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
            if (target.isAbsolute() && options.getHost().equalsIgnoreCase(target.getHost()) && port == options.getPort()) {
                return location.substring(location.indexOf(target.getRawAuthority()) + target.getRawAuthority().length());
            }
        } catch (URISyntaxException e) {
            // not a URL: relayed as it is
        }
        return null;
    }

    private static boolean bodyAllowed(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status != 204 && status != 304;
    }

    /** The end-to-end headers: neither hop-by-hop ones nor those the Connection header names as such. */
    private static void copy(MultiMap from, MultiMap to, Set<String> dropped) {
        Set<String> named = connectionOptions(from);
        from.forEach(header -> {
            String name = header.getKey();
            if (!dropped.contains(name) && !named.contains(name)) {
                to.add(name, header.getValue());
            }
        });
    }

    private static Set<String> connectionOptions(MultiMap headers) {
        if (!headers.contains(HttpHeaders.CONNECTION)) {
            return Set.of();
        }
        Set<String> options = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String value : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String option : value.split(",")) {
                options.add(option.trim());
            }
        }
        return options;
    }

    private static Set<String> headerNames(Set<String> these, String... andThese) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(these);
        names.addAll(List.of(andThese));
        return Collections.unmodifiableSet(names);
    }

    private static Set<String> headerNames(String... names) {
        return headerNames(Set.of(), names);
    }

    private void refuse(RoutingContext rc, Problem problem) {
        // a 504 too: by the time a caller retries, the timeouts have decided whether the circuit opens
        rc.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
        HttpProblems.write(rc, problem.at(rc.request().path()));
    }

    private static String readable(Duration bound) {
        return bound.toMillis() % 1000 == 0 ? bound.toSeconds() + " s" : bound.toMillis() + " ms";
    }
}

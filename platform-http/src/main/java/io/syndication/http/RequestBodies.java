package io.syndication.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Bounds a request's body in size and in time, with problem answers: a body over
 * {@code quarkus.http.limits.max-body-size} is a 413 (Quarkus' own check answers with no body), and one
 * that stops arriving for {@link RequestBodyConfig#stallTimeout()} a 400; either way the connection is
 * closed, so that what the caller still sends is not read.
 */
@ApplicationScoped
public class RequestBodies {

    /** Quarkus' default for {@code quarkus.http.limits.max-body-size}. */
    private static final long DEFAULT_LIMIT = 10240L * 1024;
    /** Before Quarkus' own check of a declared length, which would answer first with an empty 413. */
    public static final int LIMIT_ORDER = RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1;
    /** Right after RequestIds: a stalled body is bounded from the start, whatever later steps wait for. */
    public static final int STALL_ORDER = RequestIds.ORDER + 1;
    /** How often a body's progress is looked at, as a part of the stall timeout: a stall is cut within 4/3 of it. */
    private static final int CHECKS_PER_TIMEOUT = 3;

    void register(@Observes Router router, Vertx vertx, RequestBodyConfig config) {
        long limit = maxBodySize();
        long stallTimeout = config.stallTimeout().toMillis();
        if (stallTimeout > 0) {
            router.route().order(STALL_ORDER).handler(rc -> {
                if (hasBody(rc.request())) {
                    watch(vertx, rc, stallTimeout);
                }
                rc.next();
            });
        }
        router.route().order(LIMIT_ORDER).handler(rc -> {
            if (declaresMoreThan(rc.request(), limit)) {
                refuseBody(rc, HttpProblems.contentTooLarge(rc.request().path(), limit));
            } else {
                rc.next();
            }
        });
        if (config.readUnsized()) {
            // a body of unknown length is only counted as it comes: read whole here, over the limit it is a failure
            BodyHandler whole = BodyHandler.create(false).setBodyLimit(limit);
            router.route().order(LIMIT_ORDER).handler(rc -> {
                if (rc.request().getHeader(HttpHeaders.CONTENT_LENGTH) == null && hasBody(rc.request())) {
                    whole.handle(rc);
                } else {
                    rc.next();
                }
            }).failureHandler(rc -> {
                if (rc.statusCode() == 413) {
                    refuseBody(rc, HttpProblems.contentTooLarge(rc.request().path(), limit));
                } else if (!rc.response().ended() && !rc.response().closed()) {
                    rc.next();
                }
                // else the connection closed under a body being read, after a refusal or by the caller: nobody to tell
            });
        }
    }

    /** The body size this application accepts, in bytes. */
    public static long maxBodySize() {
        return ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(DEFAULT_LIMIT);
    }

    /**
     * How long the rest of a refused body is read and dropped before its connection is closed: most callers
     * read the answer only once they have sent their body, and a connection closed under one they are still
     * sending reaches them as a reset, not as the answer (nginx lingers for the same reason).
     */
    private static final long LINGER_MILLIS = 5000;

    /**
     * Answers {@code problem} to a body too large, and closes the connection once the rest of the body is
     * in or after a short linger, so that its rest is never passed on (an HTTP/2 caller's stream alone is
     * reset).
     */
    public static void refuseBody(RoutingContext rc, Problem problem) {
        refuse(rc, problem, true);
    }

    /**
     * Answers {@code problem} and closes the connection: once the rest of the body is in or after a short
     * linger ({@code linger}, for a body refused as too large), or at once (for one that stopped arriving).
     */
    private static void refuse(RoutingContext rc, Problem problem, boolean linger) {
        HttpServerRequest request = rc.request();
        if (rc.response().headWritten()) {
            rc.response().reset();
            return;
        }
        if (request.version() == HttpVersion.HTTP_2) {
            rc.response().endHandler(ended -> {
                if (!request.isEnded()) {
                    rc.response().reset();
                }
            });
        } else {
            rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            rc.response().endHandler(ended -> {
                if (!linger || request.isEnded()) {
                    request.connection().close();
                    return;
                }
                Vertx vertx = rc.vertx();
                long timer = vertx.setTimer(LINGER_MILLIS, late -> request.connection().close());
                request.handler(dropped -> { });
                request.endHandler(end -> {
                    vertx.cancelTimer(timer);
                    request.connection().close();
                });
                request.resume();
            });
        }
        HttpProblems.write(rc, problem);
    }

    /** A request that declares a body, or over HTTP/2 may send one without declaring its length. */
    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return declaredLength(length) > 0;
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || (request.version() == HttpVersion.HTTP_2
                && !request.isEnded() && request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD);
    }

    /** Whether the request's Content-Length declares a body over {@code limit} bytes. */
    public static boolean declaresMoreThan(HttpServerRequest request, long limit) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return length != null && declaredLength(length) > limit;
    }

    /** A Content-Length Netty let through is digits; one too long for a long is over any limit. */
    private static long declaredLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Refuses the request once its body has made no progress for {@code timeout} ms while not whole. It
     * looks at the bytes read a few times per timeout rather than at each chunk, whose handler belongs to
     * whoever reads the body.
     */
    private static void watch(Vertx vertx, RoutingContext rc, long timeout) {
        HttpServerRequest request = rc.request();
        long[] lastRead = { request.bytesRead() };
        long[] lastProgress = { System.nanoTime() };
        long timer = vertx.setPeriodic(Math.max(1, timeout / CHECKS_PER_TIMEOUT), id -> {
            if (request.isEnded() || rc.response().closed() || rc.response().ended()) {
                vertx.cancelTimer(id);
            } else if (request.bytesRead() != lastRead[0]) {
                lastRead[0] = request.bytesRead();
                lastProgress[0] = System.nanoTime();
            } else if ((System.nanoTime() - lastProgress[0]) / 1_000_000 >= timeout) {
                vertx.cancelTimer(id);
                refuse(rc, HttpProblems.bodyStalled(request.path()), false);
            }
        });
        rc.addEndHandler(ended -> vertx.cancelTimer(timer));
    }
}

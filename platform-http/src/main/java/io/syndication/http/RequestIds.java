package io.syndication.http;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;

/**
 * Gives every request an {@code X-Request-Id}: the caller's when it sent a sane one, a new one
 * otherwise. It is echoed on the response, passed on to upstream calls by the gateway, and put in
 * the logging context so that one request can be followed across services.
 */
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Right after Quarkus' body handler: before any step of the service's own, so that all can name the request. */
    public static final int ORDER = RouteConstants.ROUTE_ORDER_BODY_HANDLER + 1;

    // Anything else (too long, control characters) is replaced rather than logged verbatim.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(rc -> {
            String id = rc.request().getHeader(HEADER);
            if (id == null || !ACCEPTABLE.matcher(id).matches()) {
                id = randomId().toString();
                rc.request().headers().set(HEADER, id);
            }
            rc.response().putHeader(HEADER, id);
            MDC.put(MDC_KEY, id);
            rc.next();
        });
    }

    /**
     * A version 4 UUID from the thread's own generator: an id must be unique, not unpredictable, and
     * UUID.randomUUID() would draw on the shared SecureRandom for every request that comes without one.
     */
    private static UUID randomId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & ~(3L << 62) | (1L << 63));
    }
}

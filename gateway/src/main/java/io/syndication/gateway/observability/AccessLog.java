package io.syndication.gateway.observability;

import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.security.identity.SecurityIdentity;
import io.syndication.gateway.EdgeSteps;
import io.syndication.gateway.security.CallerIdentity;
import io.syndication.gateway.security.TrustedProxies;
import io.syndication.http.RequestIds;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * One line per request at the front door: request id, client id, method, path, status and latency,
 * so that a partner's complaint can be found by either id. Replaces Quarkus' access log here.
 */
public class AccessLog {

    private static final Logger LOG = Logger.getLogger("io.syndication.gateway.access");

    void register(@Observes Router router, TrustedProxies proxies) {
        router.route().order(EdgeSteps.ACCESS_LOG.order()).handler(rc -> {
            long started = System.nanoTime();
            rc.addEndHandler(ended -> {
                // the arguments cost a little on every request: not when the access log is turned down
                if (LOG.isInfoEnabled()) {
                    LOG.infof("req=%s client=%s %s %s %d %.1f ms", rc.request().getHeader(RequestIds.HEADER), clientOf(rc, proxies),
                            rc.request().method(), rc.request().path(), rc.response().getStatusCode(),
                            (System.nanoTime() - started) / 1_000_000.0);
                }
            });
            rc.next();
        });
    }

    private static String clientOf(RoutingContext rc, TrustedProxies proxies) {
        SecurityIdentity identity = CallerIdentity.of(rc);
        if (identity != null && !identity.isAnonymous()) {
            return CallerIdentity.clientId(identity);
        }
        return "anonymous@" + proxies.clientAddress(rc.request());
    }
}

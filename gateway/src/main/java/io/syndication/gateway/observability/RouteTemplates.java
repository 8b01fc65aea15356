package io.syndication.gateway.observability;

import jakarta.enterprise.event.Observes;

import io.syndication.gateway.EdgeSteps;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * Names each API request's route for the request metrics: the path with every id folded
 * ({@code /api/v1/channels/{id}/slots/{id}}, {@code /api/v1/content/external/{externalId}}), so the
 * series stay few however many partners, items, channels and slots there are. The proxy's routes
 * are prefixes, which would otherwise leave the raw path, one series per id. A scan of the path's
 * characters rather than Micrometer's match patterns: those run every regular expression on every
 * request. Paths of other shapes keep their own name, and quarkus.micrometer's max-uri-tags bounds those.
 */
public class RouteTemplates {

    /** The context-local key Micrometer's HTTP binder reads a request's route name from (as Quarkus REST sets it). */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    private static final int UUID_LENGTH = 36;

    void register(@Observes Router router) {
        router.route("/api/*").order(EdgeSteps.ROUTE_TEMPLATE.order()).handler(rc -> {
            Vertx.currentContext().putLocal(URL_PATH_TEMPLATE, of(rc.normalizedPath()));
            rc.next();
        });
    }

    static String of(String path) {
        StringBuilder template = null;
        int start = 1;
        boolean afterExternal = false;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            String folded = afterExternal ? "{externalId}" : isUuid(path, start, end) ? "{id}" : null;
            afterExternal = path.startsWith("external", start) && end - start == "external".length();
            if (folded != null && template == null) {
                template = new StringBuilder(path.length()).append(path, 0, start);
            }
            if (template != null) {
                template.append(folded != null ? folded : path.substring(start, end));
                if (end < path.length()) {
                    template.append('/');
                }
            }
            start = end + 1;
        }
        return template == null ? path : template.toString();
    }

    private static boolean isUuid(String path, int start, int end) {
        if (end - start != UUID_LENGTH) {
            return false;
        }
        for (int i = start; i < end; i++) {
            char c = path.charAt(i);
            boolean dash = i - start == 8 || i - start == 13 || i - start == 18 || i - start == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }
}

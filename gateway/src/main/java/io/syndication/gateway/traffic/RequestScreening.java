package io.syndication.gateway.traffic;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;

import io.syndication.gateway.EdgeSteps;
import io.syndication.http.HttpProblems;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.syndication.http.ProblemType;

/**
 * Turns a request away before anything else reads it when its URL or headers are larger than the
 * services behind accept (414, 431 problems), or when its path is not in its normal form (400). Every
 * later step (token rules, rate limits, routing, metrics) and the upstream then see one spelling of
 * each path: {@code //api/v1/applications} or {@code /api/v1/%61pplications} cannot reach the
 * applications endpoint under the looser anonymous limit. Netty's own limits are set above these (in
 * application.properties): what it refuses itself gets a bare 414 or 431, Quarkus giving no hook to
 * answer those with a problem.
 */
public class RequestScreening {

    /** The services take a request line of 4096 characters (Quarkus' default), method and version included. */
    static final int MAX_URI_LENGTH = 4000;
    /** The services take 20 kB of headers, and the gateway adds its forwarding headers. */
    static final int MAX_HEADER_BYTES = 16 * 1024;

    void register(@Observes Router router) {
        router.route().order(EdgeSteps.SCREENING.order()).handler(this::screen);
    }

    private void screen(RoutingContext rc) {
        String uri = rc.request().uri();
        if (uri.length() > MAX_URI_LENGTH) {
            // no instance: the problem would repeat the whole URL
            HttpProblems.write(rc, ProblemType.URI_TOO_LONG.problem("The URL has " + uri.length()
                    + " characters; at most " + MAX_URI_LENGTH + " are accepted"));
            return;
        }
        int headerBytes = headerBytes(rc);
        if (headerBytes > MAX_HEADER_BYTES) {
            HttpProblems.write(rc, ProblemType.HEADERS_TOO_LARGE.problem("The headers have "
                    + headerBytes + " bytes; at most " + MAX_HEADER_BYTES + " are accepted").at(rc.request().path()));
            return;
        }
        String path = rc.request().path();
        String normal = normalForm(path);
        if (!normal.equals(path)) {
            HttpProblems.write(rc, ProblemType.PATH_NOT_NORMAL.problem("The path is not in its normal form "
                    + "(no empty or dot segments, no percent-encoded letters, digits or -._~); send it as " + normal)
                    .at(normal));
            return;
        }
        rc.next();
    }

    private static int headerBytes(RoutingContext rc) {
        int bytes = 0;
        for (var header : rc.request().headers()) {
            bytes += header.getKey().length() + header.getValue().length();
        }
        return bytes;
    }

    /**
     * The path as RFC 3986 normalises it (6.2.2: percent-encoded unreserved characters decoded, then
     * dot segments removed), and without empty segments, which the routers behind pass over. The path
     * itself when nothing changes, without a copy in the usual case.
     */
    static String normalForm(String path) {
        if (path == null || !path.startsWith("/")
                || (path.indexOf('%') < 0 && !path.contains("//") && !path.contains("/."))) {
            return path;
        }
        String[] segments = path.split("/", -1);
        List<String> kept = new ArrayList<>();
        for (int i = 1; i < segments.length; i++) {
            String segment = decodedUnreserved(segments[i]);
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..")) {
                if (segment.equals("..") && !kept.isEmpty()) {
                    kept.remove(kept.size() - 1);
                }
                if (last) {
                    // a path ending in a dot segment names a directory: its slash stays
                    kept.add("");
                }
            } else if (!segment.isEmpty() || last) {
                kept.add(segment);
            }
        }
        return "/" + String.join("/", kept);
    }

    private static String decodedUnreserved(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        StringBuilder decoded = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && unreserved(hexValue(segment, i + 1))) {
                decoded.append((char) hexValue(segment, i + 1));
                i += 2;
            } else {
                decoded.append(c);
            }
        }
        return decoded.toString();
    }

    /** The byte two hex digits at {@code at} spell, or -1. */
    private static int hexValue(String text, int at) {
        if (at + 1 >= text.length()) {
            return -1;
        }
        int high = Character.digit(text.charAt(at), 16);
        int low = Character.digit(text.charAt(at + 1), 16);
        return high < 0 || low < 0 ? -1 : high * 16 + low;
    }

    /** RFC 3986's unreserved characters: ALPHA / DIGIT / "-" / "." / "_" / "~". */
    private static boolean unreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}

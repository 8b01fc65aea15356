package io.syndication.gateway.problems;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.syndication.gateway.security.TrustedProxies;
import io.syndication.http.ProblemException;
import io.syndication.http.ProblemType;
import io.vertx.core.http.HttpServerRequest;

/**
 * The pages problem type URIs name, once a deployment sets {@code platform.problems.type-base} to the
 * gateway's public URL and {@code /problems/}: a page per type of the catalogue ({@link ProblemType}),
 * saying what it means, what a client does about it and whether to retry, and an index of them all.
 * HTML for a person following the link, JSON for a client that asks for it; public, since whoever got
 * a problem may read why.
 */
@Path("/problems")
@Produces({ MediaType.TEXT_HTML, MediaType.APPLICATION_JSON })
public class ProblemPages {

    /** One type of problem, as a client reads it. */
    @RegisterForReflection
    public record Explained(URI type, String title, int status, String explanation, boolean retryAfter) {

        static Explained of(ProblemType kind) {
            return new Explained(kind.type(), kind.title(), kind.status(), kind.explanation(), kind.saysWhenToRetry());
        }
    }

    // a page names the caller's Host (unless a public URL is set): nothing on it may run or load anything
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'";
    private static final String STYLE = "body{font:1rem/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;"
            + "padding:0 1rem;color:#1b1b1b;background:#fff}a{color:#0b4f9c}th,td{text-align:left;padding:.25rem .75rem .25rem 0;"
            + "vertical-align:top}dt{font-weight:600}dd{margin:0 0 .75rem}code{overflow-wrap:anywhere}";

    private final TrustedProxies proxies;

    public ProblemPages(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    @GET
    @Operation(operationId = "listProblemTypes", summary = "Every type of problem the platform answers with")
    public Response index(@Context HttpHeaders headers, @Context HttpServerRequest request) {
        List<ProblemType> kinds = Arrays.asList(ProblemType.values());
        if (json(headers)) {
            return answer(MediaType.APPLICATION_JSON_TYPE, kinds.stream().map(Explained::of).toList());
        }
        String home = home(request);
        String rows = kinds.stream().map(kind -> "<tr><td><a href=\"" + escape(home + "/" + kind.slug()) + "\"><code>"
                + kind.slug() + "</code></a></td><td>" + kind.status() + " " + escape(kind.title()) + "</td><td>"
                + (kind.saysWhenToRetry() ? "yes" : "no") + "</td></tr>").collect(Collectors.joining("\n"));
        return answer(MediaType.TEXT_HTML_TYPE, page("Problem types", """
                <h1>Problem types</h1>
                <p>Every error of the platform's API is an <code>application/problem+json</code> answer (RFC 9457) whose
                <code>type</code> is one of these. Branch on the type; its <code>detail</code> says what went wrong with the
                request. When you ask partner integrations about an answer, quote its <code>X-Request-Id</code>.</p>
                <table>
                <caption>Each type, its status, and whether its answers say in Retry-After when to try again</caption>
                <thead><tr><th scope="col">Type</th><th scope="col">Status</th><th scope="col">Retry-After</th></tr></thead>
                <tbody>
                %s
                </tbody>
                </table>""".formatted(rows)));
    }

    @GET
    @Path("/{slug}")
    @Operation(operationId = "explainProblemType", summary = "What a type of problem means and what to do about it")
    public Response page(@PathParam("slug") String slug, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        ProblemType kind = ProblemType.bySlug(slug).orElseThrow(() -> ProblemException.notFound("Problem type " + slug));
        if (json(headers)) {
            return answer(MediaType.APPLICATION_JSON_TYPE, Explained.of(kind));
        }
        return answer(MediaType.TEXT_HTML_TYPE, page(kind.slug() + ": " + kind.title(), """
                <p><a href="%s">All problem types</a></p>
                <h1>Problem type <code>%s</code></h1>
                <dl>
                <dt>Type</dt><dd><code>%s</code></dd>
                <dt>Status</dt><dd>%d %s</dd>
                <dt>Retry</dt><dd>%s</dd>
                </dl>
                <h2>What it means and what to do</h2>
                <p>%s</p>
                <p>The answer is <code>application/problem+json</code> (RFC 9457): its <code>detail</code> says what went
                wrong with this request, and <code>instance</code> names its path. When you ask partner integrations about
                it, quote the answer's <code>X-Request-Id</code>.</p>""".formatted(escape(home(request)), kind.slug(),
                escape(kind.type().toString()), kind.status(), escape(kind.title()), retry(kind), escape(kind.explanation()))));
    }

    private static String retry(ProblemType kind) {
        if (kind.saysWhenToRetry()) {
            return "After the number of seconds in the answer's <code>Retry-After</code> header, as said below.";
        }
        return kind.status() >= 500 ? "The answer gives no <code>Retry-After</code>; see below."
                : "Not as it was: the same request gets the same answer until it, or what it asks about, changes.";
    }

    /** Whether the caller prefers JSON to HTML; a browser, or a caller that does not say, gets the page. */
    private static boolean json(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.TEXT_HTML_TYPE)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return true;
            }
        }
        return false;
    }

    /** This index as the caller reaches the gateway, under a public URL's path too. */
    private String home(HttpServerRequest request) {
        return proxies.publicUrl(proxies.origin(request)) + "/problems";
    }

    private static Response answer(MediaType type, Object entity) {
        return Response.ok(entity, type).header("Vary", "Accept").header("Content-Security-Policy", POLICY)
                // the catalogue changes only with a release
                .header("Cache-Control", "public, max-age=3600").build();
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Syndication platform API</title>
                <style>%s</style>
                </head>
                <body>
                <main>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), STYLE, body);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}

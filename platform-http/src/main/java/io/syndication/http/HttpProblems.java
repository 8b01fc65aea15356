package io.syndication.http;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** The problems the HTTP layer itself answers, before any resource is involved. */
public final class HttpProblems {

    private HttpProblems() {
    }

    public static Problem notFound(String path) {
        return Problem.of("not-found", "Not Found", 404, "There is no resource at " + path).at(path);
    }

    public static Problem methodNotAllowed(String method, String path) {
        return Problem.of("method-not-allowed", "Method Not Allowed", 405,
                "Method " + method + " is not allowed on " + path).at(path);
    }

    public static Problem unauthorized(String path, String detail) {
        return Problem.of("unauthorized", "Unauthorized", 401, detail).at(path);
    }

    public static Problem forbidden(String path) {
        return Problem.of("forbidden", "Forbidden", 403, "Your role does not allow this operation").at(path);
    }

    public static Problem identityProviderUnavailable(String path) {
        return Problem.of("identity-provider-unavailable", "Service Unavailable", 503,
                "The identity provider cannot be reached to verify the token; retry shortly").at(path);
    }

    /** Writes a problem straight onto a Vert.x response, for answers given outside REST resources. */
    public static void write(RoutingContext rc, Problem problem) {
        if (rc.response().ended()) {
            return;
        }
        rc.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}

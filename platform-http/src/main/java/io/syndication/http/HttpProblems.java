package io.syndication.http;

import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/** The problems the HTTP layer itself answers, before any resource is involved. */
public final class HttpProblems {

    private HttpProblems() {
    }

    public static Problem notFound(String path) {
        return ProblemType.NOT_FOUND.problem("There is no resource at " + path).at(path);
    }

    public static Problem methodNotAllowed(String method, String path) {
        return ProblemType.METHOD_NOT_ALLOWED.problem(
                "Method " + method + " is not allowed on " + path).at(path);
    }

    public static Problem unauthorized(String path, String detail) {
        return ProblemType.UNAUTHORIZED.problem(detail).at(path);
    }

    public static Problem forbidden(String path) {
        return ProblemType.FORBIDDEN.problem("Your role does not allow this operation").at(path);
    }

    public static Problem identityProviderUnavailable(String path) {
        return ProblemType.IDENTITY_PROVIDER_UNAVAILABLE.problem(
                "The identity provider cannot be reached to verify the token; retry shortly").at(path);
    }

    /** A body over {@code limit} bytes, declared so by its Content-Length or counted as it came. */
    public static Problem contentTooLarge(String path, long limit) {
        String readable = limit % (1024 * 1024) == 0 ? " (" + limit / (1024 * 1024) + " MiB)"
                : limit % 1024 == 0 ? " (" + limit / 1024 + " KiB)" : "";
        return ProblemType.CONTENT_TOO_LARGE.problem("The request's body is larger than the " + limit + " bytes" + readable
                + " accepted here").at(path);
    }

    /** A body that stopped arriving before it was whole: the caller's doing, however the wait ended. */
    public static Problem bodyStalled(String path) {
        return ProblemType.BAD_REQUEST.problem("The request's body stopped arriving before it was whole; send the whole "
                + "body at once").at(path);
    }

    /** Writes a problem straight onto a Vert.x response, for answers given outside REST resources. */
    public static void write(RoutingContext rc, Problem problem) {
        if (rc.response().ended()) {
            return;
        }
        if (ProblemType.retriedLater(problem) && !rc.response().headers().contains("Retry-After")) {
            rc.response().putHeader("Retry-After", Integer.toString(ProblemType.RETRY_AFTER_SECONDS));
        }
        rc.response().setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}

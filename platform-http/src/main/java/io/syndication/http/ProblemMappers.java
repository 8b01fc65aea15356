package io.syndication.http;

import java.net.ConnectException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Turns every failure that reaches a REST resource into an RFC 9457 problem+json response, so that
 * partners see one error shape from every service. Details never carry class names or stack traces.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(e.problem().at(uri.getPath()));
        // a service this one depends on is down: tell the caller when to come back
        return e.problem().status() == 503 ? retryLater(response).build() : response.build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = violationsOf(e.getConstraintViolations());
        String fields = violations.stream().map(Problem.Violation::field).distinct().collect(Collectors.joining(", "));
        Problem problem = Problem.of("validation", "Bad Request", 400, "The request has invalid fields: " + fields)
                .withViolations(violations).at(uri.getPath());
        return respond(problem).build();
    }

    /** Each violation under the name the caller knows the field by, in a stable order. */
    public static List<Problem.Violation> violationsOf(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return badRequest("malformed-json", malformedDetail(e), uri);
    }

    // Declared for the subtype too: quarkus-rest-jackson has its own mapper for it, with another body.
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return badRequest("malformed-json", mismatchDetail(e), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e, UriInfo uri) {
        return badRequest("malformed-json", mismatchDetail(e), uri);
    }

    private static String malformedDetail(JsonParseException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "The body is not well-formed JSON" + where;
    }

    private static String mismatchDetail(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        String detail;
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            List<String> allowed = new ArrayList<>();
            for (Object constant : invalid.getTargetType().getEnumConstants()) {
                allowed.add(constant.toString());
            }
            detail = "Field '" + field + "' must be one of " + allowed;
        } else if (field.isEmpty()) {
            detail = "The body does not have the expected JSON structure";
        } else {
            detail = "Field '" + field + "' has a value of the wrong type or format";
        }
        return detail;
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return BearerChallenge.problem(uri.getPath(), "A valid bearer token is required", null);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        if (causedByUnreachableProvider(e)) {
            return unavailableIdentityProvider(uri);
        }
        return BearerChallenge.problem(uri.getPath(), "The bearer token is invalid, expired or not meant for this platform",
                "invalid_token");
    }

    @ServerExceptionMapper
    public Response identityProviderDown(OIDCException e, UriInfo uri) {
        return unavailableIdentityProvider(uri);
    }

    private static Response unavailableIdentityProvider(UriInfo uri) {
        return retryLater(respond(HttpProblems.identityProviderUnavailable(uri.getPath()))).build();
    }

    private static boolean causedByUnreachableProvider(Throwable failure) {
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(HttpProblems.forbidden(uri.getPath())).build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri, HttpServerRequest request) {
        // The JSON reader wraps what Jackson could not read in a plain 400.
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e.getCause() instanceof JsonMappingException mapping) {
            return unreadableJson(mapping, uri);
        }
        Response original = e.getResponse();
        int status = original.getStatus();
        Problem problem = switch (status) {
            // JAX-RS answers 404 for a path or query parameter it cannot convert; the caller sent a malformed value
            case 404 -> e.getCause() != null ? Problem.of("validation", "Bad Request", 400,
                    "A path or query parameter has the wrong form: dates and instants are RFC 3339, ids are UUIDs, "
                            + "names are as the OpenAPI document lists them") : HttpProblems.notFound(uri.getPath());
            case 405 -> HttpProblems.methodNotAllowed(request.method().name(), uri.getPath());
            case 415 -> Problem.of("unsupported-media-type", "Unsupported Media Type", 415,
                    "Content type '" + request.getHeader(HttpHeaders.CONTENT_TYPE) + "' is not accepted here; send application/json");
            case 406 -> Problem.of("not-acceptable", "Not Acceptable", 406,
                    "None of the media types in Accept can be produced here");
            default -> Problem.of(status >= 500 ? "server-error" : "bad-request",
                    original.getStatusInfo().getReasonPhrase(), status,
                    status >= 500 ? "The request could not be completed" : "The request is not valid");
        };
        Response.ResponseBuilder response = respond(problem.at(uri.getPath()));
        if (original.getHeaderString(HttpHeaders.ALLOW) != null) {
            response.header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (PostgresErrors.isDataException(e)) {
            LOG.warn("A value the database cannot store reached it on " + uri.getPath() + ": " + e);
            return respond(Problem.of("unstorable-value", "Bad Request", 400,
                    "The request holds a value that cannot be stored or searched for (a NUL character, text too long, "
                            + "a date out of range)").at(uri.getPath())).build();
        }
        if (PostgresErrors.isUnavailable(e)) {
            LOG.warn("The database was unavailable for " + uri.getPath() + ": " + e);
            return retryLater(respond(Problem.of("database-unavailable", "Service Unavailable", 503,
                    "The service's database cannot be reached right now; retry shortly").at(uri.getPath()))).build();
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return respond(Problem.of("server-error", "Internal Server Error", 500,
                "The request could not be completed; quote its X-Request-Id when reporting this").at(uri.getPath()))
                .build();
    }

    private static Response badRequest(String slug, String detail, UriInfo uri) {
        return respond(Problem.of(slug, "Bad Request", 400, detail).at(uri.getPath())).build();
    }

    /** A 503's answer says when to come back: long enough for a restart or a failover to pass. */
    private static Response.ResponseBuilder retryLater(Response.ResponseBuilder response) {
        return response.header("Retry-After", "5");
    }

    static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    /**
     * The name a caller knows a field by ({@code territories[2]}, {@code items[0].title}, {@code limit}),
     * not the Java method and parameter it was checked on.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.RETURN_VALUE
                    || (kind == ElementKind.PARAMETER && !last)) {
                continue;
            }
            // Hibernate Validator puts an element's index on the node after the iterable.
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (kind != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}

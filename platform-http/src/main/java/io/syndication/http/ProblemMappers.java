package io.syndication.http;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
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
    /** What a resource method parameter other than the body is annotated with. */
    private static final Set<String> REQUEST_PARTS = Set.of("jakarta.ws.rs.PathParam", "jakarta.ws.rs.QueryParam",
            "jakarta.ws.rs.HeaderParam", "jakarta.ws.rs.CookieParam", "jakarta.ws.rs.MatrixParam", "jakarta.ws.rs.FormParam",
            "jakarta.ws.rs.BeanParam", "jakarta.ws.rs.core.Context", "org.jboss.resteasy.reactive.RestPath",
            "org.jboss.resteasy.reactive.RestQuery", "org.jboss.resteasy.reactive.RestHeader",
            "org.jboss.resteasy.reactive.RestCookie", "org.jboss.resteasy.reactive.RestMatrix",
            "org.jboss.resteasy.reactive.RestForm");

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        return respond(e.problem().at(uri.getPath())).build();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = violationsOf(e.getConstraintViolations());
        String fields = violations.stream().map(Problem.Violation::field).distinct().collect(Collectors.joining(", "));
        Problem problem = ProblemType.VALIDATION.problem("The request has invalid fields: " + fields)
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
        return malformed(malformedDetail(e), uri);
    }

    // Declared for the subtype too: quarkus-rest-jackson has its own mapper for it, with another body.
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return malformed(mismatchDetail(e), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonMappingException e, UriInfo uri) {
        return malformed(mismatchDetail(e), uri);
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
        return respond(HttpProblems.identityProviderUnavailable(uri.getPath())).build();
    }

    private static boolean causedByUnreachableProvider(Throwable failure) {
        return Causes.include(failure.getCause(), ConnectException.class, TimeoutException.class);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpServerRequest request) {
        Response notAllowed = notAllowedAtLiteralPath(uri, request);
        return notAllowed != null ? notAllowed : respond(HttpProblems.forbidden(uri.getPath())).build();
    }

    /**
     * 405 for a method that a path named in full by a resource does not take, though a template beside it
     * ({@code /{id}}) took the request and refused it for the caller's role or for the path's value; null
     * for any other path (see {@link LiteralPaths}).
     */
    private static Response notAllowedAtLiteralPath(UriInfo uri, HttpServerRequest request) {
        Set<String> allowed = LiteralPaths.methodsAt(uri.getPath());
        if (allowed.isEmpty() || allowed.contains(request.method().name())) {
            return null;
        }
        return respond(HttpProblems.methodNotAllowed(request.method().name(), uri.getPath()))
                .header(HttpHeaders.ALLOW, String.join(", ", allowed)).build();
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
        if (status == 404 && e.getCause() != null) {
            Response notAllowed = notAllowedAtLiteralPath(uri, request);
            if (notAllowed != null) {
                return notAllowed;
            }
        }
        Problem problem = switch (status) {
            // JAX-RS answers 404 for a path or query parameter it cannot convert; the caller sent a malformed value
            case 404 -> e.getCause() != null ? ProblemType.VALIDATION.problem(
                    "A path or query parameter has the wrong form: dates and instants are RFC 3339, ids are UUIDs, "
                            + "names are as the OpenAPI document lists them") : HttpProblems.notFound(uri.getPath());
            case 405 -> HttpProblems.methodNotAllowed(request.method().name(), uri.getPath());
            case 413 -> HttpProblems.contentTooLarge(uri.getPath(), RequestBodies.maxBodySize());
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE.problem(
                    "Content type '" + request.getHeader(HttpHeaders.CONTENT_TYPE) + "' is not accepted here; send application/json");
            case 406 -> ProblemType.NOT_ACCEPTABLE.problem(
                    "None of the media types in Accept can be produced here");
            // any other status JAX-RS chose stays as it is, under the catalogue's generic type for its class
            default -> status >= 500
                    ? otherStatus(ProblemType.SERVER_ERROR, original, "The request could not be completed")
                    : otherStatus(ProblemType.BAD_REQUEST, original, "The request is not valid");
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
            return respond(ProblemType.UNSTORABLE_VALUE.problem(
                    "The request holds a value that cannot be stored or searched for (a NUL character, text too long, "
                            + "a date out of range)").at(uri.getPath())).build();
        }
        if (PostgresErrors.isUnavailable(e)) {
            LOG.warn("The database was unavailable for " + uri.getPath() + ": " + e);
            return respond(ProblemType.DATABASE_UNAVAILABLE.problem(
                    "The service's database cannot be reached right now; retry shortly").at(uri.getPath())).build();
        }
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return respond(ProblemType.SERVER_ERROR.problem(
                "The request could not be completed; quote its X-Request-Id when reporting this").at(uri.getPath()))
                .build();
    }

    private static Problem otherStatus(ProblemType kind, Response original, String detail) {
        return new Problem(kind.type(), original.getStatusInfo().getReasonPhrase(), original.getStatus(), detail, null,
                List.of());
    }

    private static Response malformed(String detail, UriInfo uri) {
        return respond(ProblemType.MALFORMED_JSON.problem(detail).at(uri.getPath())).build();
    }

    /** A problem's answer; one of a dependency that is down says when to come back. */
    static Response.ResponseBuilder respond(Problem problem) {
        Response.ResponseBuilder response = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        return ProblemType.retriedLater(problem) ? response.header(HttpHeaders.RETRY_AFTER, ProblemType.RETRY_AFTER_SECONDS)
                : response;
    }

    /**
     * The name a caller knows a field by ({@code territories[2]}, {@code items[0].title}, {@code limit}),
     * not the Java method and parameter it was checked on.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        StringBuilder field = new StringBuilder();
        Path.Node method = null;
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD) {
                method = node;
            }
            // the body as a whole (missing, a list too long) is "body", not the Java parameter it is read into
            if (kind == ElementKind.METHOD || kind == ElementKind.RETURN_VALUE
                    || (kind == ElementKind.PARAMETER && (!last || isBody(violation.getRootBeanClass(), method, node)))) {
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

    /**
     * Whether {@code parameter} of {@code method} is the request's body: a resource method parameter that
     * no declaration of the method (the class's own, or one Quarkus generated over it) marks as a path,
     * query, header, cookie, form or context parameter.
     */
    private static boolean isBody(Class<?> resource, Path.Node method, Path.Node parameter) {
        if (resource == null || method == null) {
            return false;
        }
        Class<?>[] types = method.as(Path.MethodNode.class).getParameterTypes().toArray(Class<?>[]::new);
        int index = parameter.as(Path.ParameterNode.class).getParameterIndex();
        boolean declared = false;
        for (Class<?> type = resource; type != null && type != Object.class; type = type.getSuperclass()) {
            Method declaration;
            try {
                declaration = type.getDeclaredMethod(method.getName(), types);
            } catch (NoSuchMethodException e) {
                continue;
            }
            declared = true;
            for (Annotation annotation : declaration.getParameterAnnotations()[index]) {
                if (REQUEST_PARTS.contains(annotation.annotationType().getName())) {
                    return false;
                }
            }
        }
        return declared;
    }
}

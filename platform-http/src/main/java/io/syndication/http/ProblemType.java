package io.syndication.http;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every kind of problem the platform answers with, in one place: its stable type URI (which clients
 * branch on), its title and status, and whether the caller should come back later. Services, the
 * gateway and the OpenAPI filter all name problems from here, so a type cannot drift between the
 * code that answers it and the document that promises it.
 */
public enum ProblemType {

    // the request itself is wrong
    VALIDATION("validation", "Bad Request", 400),
    MALFORMED_JSON("malformed-json", "Bad Request", 400),
    BAD_REQUEST("bad-request", "Bad Request", 400),
    INVALID_CURSOR("invalid-cursor", "Bad Request", 400),
    INVALID_IF_MATCH("invalid-if-match", "Bad Request", 400),
    UNSTORABLE_VALUE("unstorable-value", "Bad Request", 400),
    PATH_NOT_NORMAL("path-not-normal", "Bad Request", 400),
    UNSUPPORTED_TRANSFER_ENCODING("unsupported-transfer-encoding", "Bad Request", 400),
    URI_TOO_LONG("uri-too-long", "URI Too Long", 414),
    HEADERS_TOO_LARGE("headers-too-large", "Request Header Fields Too Large", 431),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported Media Type", 415),
    NOT_ACCEPTABLE("not-acceptable", "Not Acceptable", 406),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method Not Allowed", 405),
    NOT_FOUND("not-found", "Not Found", 404),

    // who is asking
    UNAUTHORIZED("unauthorized", "Unauthorized", 401),
    FORBIDDEN("forbidden", "Forbidden", 403),
    ADMIN_ONLY_FIELDS("admin-only-fields", "Forbidden", 403),
    PARTNER_INACTIVE("partner-inactive", "Forbidden", 403),

    // the resource's state
    CONFLICT("conflict", "Conflict", 409),
    CONCURRENT_CHANGE("concurrent-change", "Conflict", 409),
    ILLEGAL_TRANSITION("illegal-transition", "Conflict", 409),
    PARTNER_CHANGE_UNDER_WAY("partner-change-under-way", "Conflict", 409),
    CLIENT_ID_TAKEN("client-id-taken", "Conflict", 409),
    STALE_VERSION("stale-version", "Precondition Failed", 412),
    IF_MATCH_REQUIRED("if-match-required", "Precondition Required", 428),

    // the schedule's rules
    PLACEMENT_RULE("placement-rule", "Unprocessable Content", 422),
    PUSH_TOO_LONG("push-too-long", "Unprocessable Content", 422),
    NOT_A_LIVE_EVENT("not-a-live-event", "Unprocessable Content", 422),
    NO_FILLER("no-filler", "Unprocessable Content", 422),

    // the platform's capacity and dependencies
    RATE_LIMITED("rate-limited", "Too Many Requests", 429),
    SERVER_ERROR("server-error", "Internal Server Error", 500),
    IDENTITY_PROVIDER_UNAVAILABLE("identity-provider-unavailable", "Service Unavailable", 503),
    PARTNER_SERVICE_UNAVAILABLE("partner-service-unavailable", "Service Unavailable", 503),
    CONTENT_SERVICE_UNAVAILABLE("content-service-unavailable", "Service Unavailable", 503),
    DATABASE_UNAVAILABLE("database-unavailable", "Service Unavailable", 503),
    UPSTREAM_UNAVAILABLE("upstream-unavailable", "Service Unavailable", 503),
    UPSTREAM_TIMEOUT("upstream-timeout", "Gateway Timeout", 504);

    /** Where every problem type's URI starts; the slug follows. */
    public static final String TYPE_BASE = "https://syndication.example/problems/";

    /**
     * How long a caller of an unavailable dependency waits before asking again: long enough for a
     * restart or a failover to pass, short enough that a recovered service is used soon.
     */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Map<URI, ProblemType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(kind -> kind.type, Function.identity()));

    private final URI type;
    private final String title;
    private final int status;

    /** {@code slug}: the last segment of the type's URI, stable for as long as the API is. */
    ProblemType(String slug, String title, int status) {
        this.type = URI.create(TYPE_BASE + slug);
        this.title = title;
        this.status = status;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public URI type() {
        return type;
    }

    /** A dependency that is down comes back: the caller is told when to try again. */
    public static boolean retriedLater(Problem problem) {
        return of(problem).map(kind -> kind.status == 503).orElse(false);
    }

    public Problem problem(String detail) {
        return new Problem(type, title, status, detail, null, List.of());
    }

    public ProblemException exception(String detail) {
        return new ProblemException(problem(detail));
    }

    /** The catalogue's entry for a problem's type, if the problem is one of the platform's. */
    public static Optional<ProblemType> of(Problem problem) {
        return Optional.ofNullable(BY_TYPE.get(problem.type()));
    }
}

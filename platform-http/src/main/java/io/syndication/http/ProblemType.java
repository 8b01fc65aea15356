package io.syndication.http;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Every kind of problem the platform answers with, in one place: its stable type URI (which clients
 * branch on), its title and status, whether the caller should come back later, and what it means
 * and what to do about it (the page the gateway serves at the type URI). Services, the gateway and
 * the OpenAPI filter all name problems from here, so a type cannot drift between the code that
 * answers it, the document that promises it and the page that explains it.
 */
public enum ProblemType {

    // the request itself is wrong
    VALIDATION("validation", "Bad Request", 400,
            "A field of the request breaks one of the API's rules: it is missing, too long, out of range or "
            + "of the wrong form. The violations member lists every offending field by the name the request "
            + "gives it (territories[1], limit) with what is wrong with it. Correct those fields and send the "
            + "request again."),
    MALFORMED_JSON("malformed-json", "Bad Request", 400,
            "The body is not JSON this operation can read: a syntax error, a value of the wrong JSON type "
            + "(text where a number belongs) or a value its list does not have; the detail says where. Correct "
            + "the body against the operation's schema in the OpenAPI document and send it again."),
    BAD_REQUEST("bad-request", "Bad Request", 400,
            "The request is not valid for a reason no more particular problem type covers; the detail says "
            + "what. Correct the request before sending it again."),
    INVALID_CURSOR("invalid-cursor", "Bad Request", 400,
            "The cursor parameter is not one this API issued, or it was altered. A cursor is opaque: pass "
            + "back exactly the next cursor a page gave, or start again from the first page without one."),
    INVALID_IF_MATCH("invalid-if-match", "Bad Request", 400,
            "The If-Match header is not an ETag this API issued. Send the ETag header of your last read of "
            + "the resource as it came, such as \"3\"."),
    UNSTORABLE_VALUE("unstorable-value", "Bad Request", 400,
            "The request holds a value that passed validation but cannot be stored or searched for: a NUL "
            + "character in a text, a text longer than the database holds, a date outside the range it stores. "
            + "Remove or change that value and send the request again."),
    PATH_NOT_NORMAL("path-not-normal", "Bad Request", 400,
            "The platform takes each path in one spelling only: no empty or dot segments (//, /./, /../) and "
            + "no percent-encoded letters, digits or -._~. The detail names the path's normal form: send the "
            + "request there."),
    UNSUPPORTED_TRANSFER_ENCODING("unsupported-transfer-encoding", "Bad Request", 400,
            "The request's Transfer-Encoding is one the platform does not pass on. Send the body with a "
            + "Content-Length, or chunked."),
    URI_TOO_LONG("uri-too-long", "URI Too Long", 414,
            "The URL is longer than the platform accepts; the detail gives the limit. Shorten it: page "
            + "through a list rather than naming many values in the query."),
    HEADERS_TOO_LARGE("headers-too-large", "Request Header Fields Too Large", 431,
            "The request's headers together are larger than the platform accepts; the detail gives the limit. "
            + "Usually a cookie or header that grew by mistake: send only the headers the API needs."),
    CONTENT_TOO_LARGE("content-too-large", "Content Too Large", 413,
            "The request's body is larger than the platform accepts for this path; the detail gives the limit, "
            + "whether the body declared its length or came in chunks. Send less in one request: a batch as several "
            + "smaller batches, a schedule's window as shorter windows."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported Media Type", 415,
            "The body's Content-Type is not one this operation takes. Send application/json (a PATCH also "
            + "takes application/merge-patch+json), as the operation's request body in the OpenAPI document "
            + "says."),
    NOT_ACCEPTABLE("not-acceptable", "Not Acceptable", 406,
            "This operation can produce none of the media types the Accept header asks for. Accept what the "
            + "operation's answers in the OpenAPI document list (application/json; the XMLTV guide "
            + "application/xml), or send no Accept header."),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method Not Allowed", 405,
            "The path exists, but does not take this method; the Allow header lists the methods it takes."),
    NOT_FOUND("not-found", "Not Found", 404,
            "There is no resource at this path, or none the caller may see: a partner sees only its own "
            + "partner record and content, so another partner's is not found rather than forbidden. Check the "
            + "path and the id."),

    // who is asking
    UNAUTHORIZED("unauthorized", "Unauthorized", 401,
            "The request has no valid bearer token: none, an expired one, or one issued by another provider "
            + "or for another audience. Get a token from the platform's token endpoint with your client's "
            + "credentials (the OAuth2 client-credentials grant of the OpenAPI document's security scheme), "
            + "send it as Authorization: Bearer, and get a new one before it expires."),
    FORBIDDEN("forbidden", "Forbidden", 403,
            "The token is valid, but its roles do not allow this operation, or the resource is another "
            + "partner's. The operation's description in the OpenAPI document names the roles it needs; if your "
            + "client needs another role, ask partner integrations."),
    ADMIN_ONLY_FIELDS("admin-only-fields", "Forbidden", 403,
            "The change includes fields of a partner record only a platform admin changes, such as its legal "
            + "name, category or territories; the detail names them. Leave them out, or ask partner "
            + "integrations to change them."),
    PARTNER_INACTIVE("partner-inactive", "Forbidden", 403,
            "The caller's partner is suspended or terminated, so its tokens are refused everywhere. Requests "
            + "succeed again once a platform admin reinstates the partner; ask partner integrations."),

    // the resource's state
    CONFLICT("conflict", "Conflict", 409,
            "The request conflicts with the resource's current state, for instance a slug or external id "
            + "another resource already has, or a placement racing another for the same time; the detail says "
            + "which. Read the resource again before deciding whether to send a changed request."),
    CONCURRENT_CHANGE("concurrent-change", "Conflict", 409,
            "Another request changed the same resource at the same moment, and that change stands. Read the "
            + "resource again, apply your change to what you read, and send it again."),
    ILLEGAL_TRANSITION("illegal-transition", "Conflict", 409,
            "The resource's status does not allow this action, such as approving a suspended partner or "
            + "submitting an item already approved; the detail names the status. Read the resource for its "
            + "current status before choosing an action."),
    PARTNER_CHANGE_UNDER_WAY("partner-change-under-way", "Conflict", 409,
            "Another change of the same partner (an approval, a suspension, a credential rotation) is being "
            + "carried out right now. Read the partner again when it is done, and send your change again if it "
            + "still applies."),
    CLIENT_ID_TAKEN("client-id-taken", "Conflict", 409,
            "The partner's slug names a client the identity provider already has for someone else, so no "
            + "credentials can be issued under it. Give the partner another slug, then approve it again."),
    STALE_VERSION("stale-version", "Precondition Failed", 412,
            "If-Match names a version that is no longer current: the resource changed since it was read. Read "
            + "it again (its ETag names the current version), apply your change to what you read, and send it "
            + "with the new ETag."),
    IF_MATCH_REQUIRED("if-match-required", "Precondition Required", 428,
            "This action judges one version of the resource (approving the item that was reviewed, say), so "
            + "it needs that version's ETag in If-Match. Send the ETag header of the read the decision was made "
            + "on."),

    // the schedule's rules
    PLACEMENT_RULE("placement-rule", "Unprocessable Content", 422,
            "The schedule change breaks the channel's rules: slots that overlap, content outside its rights "
            + "window or territories, content not approved; the violations member names each slot and each rule "
            + "it breaks. Change those slots and send the change again."),
    PUSH_TOO_LONG("push-too-long", "Unprocessable Content", 422,
            "Going live with the PUSH policy would move more of the channel's later slots than one change "
            + "may. Leave a gap after the live event, or go live with the TRIM or DROP policy."),
    NOT_A_LIVE_EVENT("not-a-live-event", "Unprocessable Content", 422,
            "Only content of kind LIVE_EVENT goes live on a channel, and this content is of another kind. "
            + "Place it as an ordinary slot instead."),
    NO_FILLER("no-filler", "Unprocessable Content", 422,
            "Filling the schedule's gaps needs filler content that may air there (approved, within its rights "
            + "and territories, not a live event), and the channel has none; the detail says why each candidate "
            + "is unfit. Add or approve filler content, or correct its rights, then fill again."),

    // the platform's capacity and dependencies
    RATE_LIMITED("rate-limited", "Too Many Requests", 429,
            "The client has used up its requests for now: each client (each token's client; each address for "
            + "callers without a token) has a bucket of requests that refills over time. Wait the number of "
            + "seconds in Retry-After before the next request. Every answer carries RateLimit-Limit, "
            + "RateLimit-Remaining and RateLimit-Reset, so a client can slow down before reaching this."),
    SERVER_ERROR("server-error", "Internal Server Error", 500,
            "The platform failed in a way it did not expect, and the request may or may not have taken "
            + "effect. A read can be sent again; before sending a write again, read the resource to see whether "
            + "it took effect. If it persists, report it with the answer's X-Request-Id."),
    IDENTITY_PROVIDER_UNAVAILABLE("identity-provider-unavailable", "Service Unavailable", 503,
            "The platform's identity provider could not be reached, to check the token or to change a "
            + "partner's credentials, and nothing was changed. Retry after the number of seconds in "
            + "Retry-After."),
    PARTNER_SERVICE_UNAVAILABLE("partner-service-unavailable", "Service Unavailable", 503,
            "The platform could not learn from the partner service whether the caller's partner is active, "
            + "and does not guess, so nothing was changed. Retry after the number of seconds in Retry-After."),
    CONTENT_SERVICE_UNAVAILABLE("content-service-unavailable", "Service Unavailable", 503,
            "The schedule service could not learn from the content service whether the content may be placed, "
            + "and does not guess, so nothing was changed. Retry after the number of seconds in Retry-After."),
    DATABASE_UNAVAILABLE("database-unavailable", "Service Unavailable", 503,
            "The service's database could not be reached (a restart or a failover, usually brief), and the "
            + "request was not carried out. Retry after the number of seconds in Retry-After."),
    UPSTREAM_UNAVAILABLE("upstream-unavailable", "Service Unavailable", 503,
            "The service behind this path cannot be reached, or failed so often lately that the gateway does "
            + "not call it for a few seconds; the platform's other paths keep working. Retry after the number "
            + "of seconds in Retry-After."),
    UPSTREAM_TIMEOUT("upstream-timeout", "Gateway Timeout", 504,
            "The service behind this path did not answer within the gateway's bound for it; the detail names "
            + "the bound. A read can be sent again after the number of seconds in Retry-After; a write may have "
            + "been carried out all the same, so read the resource before sending it again.");

    /**
     * Where problem type URIs start unless the deployment says otherwise ({@link #typeBase()}); the API
     * documents are written with it, and the gateway serves them with the deployment's.
     */
    public static final String DEFAULT_TYPE_BASE = "https://syndication.example/problems/";

    /** The setting that names {@link #typeBase()} (environment variable PROBLEM_TYPE_BASE). */
    private static final String TYPE_BASE_SETTING = "platform.problems.type-base";
    private static volatile TypeBase typeBase;

    /**
     * How long a caller of an unavailable dependency waits before asking again: long enough for a
     * restart or a failover to pass, short enough that a recovered service is used soon.
     */
    public static final int RETRY_AFTER_SECONDS = 5;

    private static final Map<String, ProblemType> BY_SLUG = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(kind -> kind.slug, Function.identity()));

    private final String slug;
    private final String title;
    private final int status;
    private final String explanation;

    /**
     * {@code slug}: the last segment of the type's URI, stable for as long as the API is;
     * {@code explanation}: what the problem means and what a client does about it, for the page the type
     * URI names.
     */
    ProblemType(String slug, String title, int status, String explanation) {
        this.slug = slug;
        this.title = title;
        this.status = status;
        this.explanation = explanation;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    public String explanation() {
        return explanation;
    }

    /** The type's URI in this deployment: {@link #typeBase()} and the slug. */
    public URI type() {
        return typeUnder(typeBase());
    }

    /** The type's URI under {@code base}, which ends with a slash. */
    public URI typeUnder(String base) {
        return URI.create(base + slug);
    }

    /** Whether answers of this kind carry Retry-After: a limit or a dependency that a later request may find passed. */
    public boolean saysWhenToRetry() {
        return status == 429 || status == 503 || status == 504;
    }

    /**
     * Where problem type URIs start in this deployment, ending with a slash: the setting {@value #TYPE_BASE_SETTING},
     * which production sets to the gateway's public URL and {@code /problems/}, where the gateway serves a page
     * per type. Read once per configuration, not on every problem: an application's configuration is fixed
     * while it runs, but tests start it again with other settings in the same JVM.
     */
    public static String typeBase() {
        Config config = ConfigProvider.getConfig();
        TypeBase known = typeBase;
        if (known == null || known.config() != config) {
            String base = config.getOptionalValue(TYPE_BASE_SETTING, String.class).orElse(DEFAULT_TYPE_BASE);
            known = new TypeBase(config, base.endsWith("/") ? base : base + "/");
            typeBase = known;
        }
        return known.base();
    }

    /** The type base as read from one configuration. */
    private record TypeBase(Config config, String base) {
    }

    /** A dependency that is down comes back: the caller is told when to try again. */
    public static boolean retriedLater(Problem problem) {
        return of(problem).map(kind -> kind.status == 503).orElse(false);
    }

    public Problem problem(String detail) {
        return new Problem(type(), title, status, detail, null, List.of());
    }

    public ProblemException exception(String detail) {
        return new ProblemException(problem(detail));
    }

    /** The catalogue's entry for a problem's type, if the problem is one of the platform's. */
    public static Optional<ProblemType> of(Problem problem) {
        String type = String.valueOf(problem.type());
        String base = typeBase();
        return type.startsWith(base) ? bySlug(type.substring(base.length())) : Optional.empty();
    }

    /** The catalogue's entry named {@code slug}, if there is one. */
    public static Optional<ProblemType> bySlug(String slug) {
        return Optional.ofNullable(BY_SLUG.get(slug));
    }
}

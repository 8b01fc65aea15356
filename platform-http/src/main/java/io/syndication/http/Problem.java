package io.syndication.http;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An RFC 9457 problem details body. {@code type} is a stable URI per kind of problem, so that
 * clients branch on it rather than on the human-readable {@code title}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@RegisterForReflection
public record Problem(URI type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One offending field of a request that failed validation. */
    @RegisterForReflection
    public record Violation(String field, String message) {
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, violations);
    }

    public Problem withViolations(List<Violation> violations) {
        return new Problem(type, title, status, detail, instance, violations);
    }
}

package io.syndication.http;

import java.util.List;

/**
 * A failure the domain knows how to explain to the caller: a conflict, a stale version, a broken
 * rule. Mapped to a problem+json response with its status, stable type and detail.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public static ProblemException notFound(String what) {
        return ProblemType.NOT_FOUND.exception(what + " does not exist");
    }

    public static ProblemException conflict(String detail) {
        return ProblemType.CONFLICT.exception(detail);
    }

    /** A 400 naming one field, shaped like a bean-validation failure. */
    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION.problem("The request has invalid fields: " + field)
                .withViolations(List.of(new Problem.Violation(field, message))));
    }

    public static ProblemException staleVersion(long current) {
        return ProblemType.STALE_VERSION.exception(
                "If-Match does not name the current version " + current + "; read the resource again and retry");
    }

    /**
     * A partner's still-valid token refused because its partner no longer counts as ACTIVE: each
     * service that checks the standing says it the same way.
     *
     * @param standing how the partner stands, as in "Your partner is SUSPENDED"
     */
    public static ProblemException partnerInactive(String standing) {
        return ProblemType.PARTNER_INACTIVE.exception(
                "Your partner is " + standing + "; its tokens are refused until it is reinstated");
    }

    public Problem problem() {
        return problem;
    }
}

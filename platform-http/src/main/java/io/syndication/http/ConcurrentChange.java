package io.syndication.http;

import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;

/**
 * Recognises a write that lost a race on an entity's version: another request changed it between
 * this one's read and write. Answered 409, so the caller reads again; the other write stands.
 */
public final class ConcurrentChange {

    private ConcurrentChange() {
    }

    public static boolean isCauseOf(Throwable failure) {
        return Causes.include(failure, StaleStateException.class, OptimisticLockException.class);
    }

    public static ProblemException problem(String what) {
        return ProblemType.CONCURRENT_CHANGE.exception(
                what + " was changed by another request at the same time; read it again and retry");
    }
}

package io.syndication.http;

import io.vertx.pgclient.PgException;

/** Recognises PostgreSQL's unique_violation (23505) anywhere in a failure's causes. */
public final class UniqueViolation {

    private UniqueViolation() {
    }

    public static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}

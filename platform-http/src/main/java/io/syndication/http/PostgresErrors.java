package io.syndication.http;

import org.hibernate.JDBCException;

import io.vertx.pgclient.PgException;

/** Recognises PostgreSQL's refusals that a service answers as conflicts, anywhere in a failure's causes. */
public final class PostgresErrors {

    private PostgresErrors() {
    }

    /** unique_violation (23505): the value is taken. */
    public static boolean isUniqueViolation(Throwable failure) {
        return hasSqlState(failure, "23505");
    }

    /** exclusion_violation (23P01): an exclusion constraint, such as no overlapping slots, refused the row. */
    public static boolean isExclusionViolation(Throwable failure) {
        return hasSqlState(failure, "23P01");
    }

    /** lock_not_available (55P03): a lock was not granted within the transaction's lock_timeout. */
    public static boolean isLockNotAvailable(Throwable failure) {
        return hasSqlState(failure, "55P03");
    }

    private static boolean hasSqlState(Throwable failure, String sqlState) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && sqlState.equals(pg.getSqlState())) {
                return true;
            }
            // Hibernate Reactive reports the database's refusal as a JDBCException naming the state in its message
            if (cause instanceof JDBCException jdbc && (sqlState.equals(jdbc.getSQLState())
                    || String.valueOf(jdbc.getMessage()).contains("(" + sqlState + ")"))) {
                return true;
            }
        }
        return false;
    }
}

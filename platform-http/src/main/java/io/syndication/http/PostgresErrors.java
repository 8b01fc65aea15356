package io.syndication.http;

import java.net.SocketException;
import java.util.List;

import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

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

    /**
     * A data exception (SQL state class 22): a value the database cannot store or compare, such as a
     * NUL character in text, a string longer than its column or an instant beyond its range. Each
     * service bounds its input before the database sees it; this is the net under that.
     */
    public static boolean isDataException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("22")) {
                return true;
            }
            if (cause instanceof JDBCException jdbc && jdbc.getSQLState() != null && jdbc.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database could not be reached or went away mid-request (a restart, a failover): nothing the
     * caller did, and worth a retry. SQL states of class 08 (connection exception) and 57P01-57P03
     * (shut down, crashed, not yet accepting connections), or the connection itself refused or closed.
     */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || List.of("57P01", "57P02", "57P03").contains(pg.getSqlState()))) {
                return true;
            }
            if (cause instanceof ClosedConnectionException || cause instanceof SocketException
                    || cause instanceof JDBCConnectionException) {
                return true;
            }
        }
        return false;
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

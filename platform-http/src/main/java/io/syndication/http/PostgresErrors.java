package io.syndication.http;

import java.net.SocketException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;

/** Recognises PostgreSQL's refusals (conflicts, bad values, a lost database) anywhere in a failure's causes. */
public final class PostgresErrors {

    private PostgresErrors() {
    }

    /** The SQL states of lost connections besides class 08: shut down by an admin, crashed, not yet accepting. */
    private static final Set<String> CONNECTION_LOST = Set.of("57P01", "57P02", "57P03");
    /** How Hibernate Reactive names the database's SQL state in a JDBCException's message: "... (23505)". */
    private static final Pattern STATE_IN_MESSAGE = Pattern.compile("\\(([0-9A-Z]{5})\\)");

    /** unique_violation (23505): the value is taken. */
    public static boolean isUniqueViolation(Throwable failure) {
        return hasSqlState(failure, "23505"::equals);
    }

    /** exclusion_violation (23P01): an exclusion constraint, such as no overlapping slots, refused the row. */
    public static boolean isExclusionViolation(Throwable failure) {
        return hasSqlState(failure, "23P01"::equals);
    }

    /** lock_not_available (55P03): a lock was not granted within the transaction's lock_timeout. */
    public static boolean isLockNotAvailable(Throwable failure) {
        return hasSqlState(failure, "55P03"::equals);
    }

    /**
     * A data exception (SQL state class 22): a value the database cannot store or compare, such as a
     * NUL character in text, a string longer than its column or an instant beyond its range. Each
     * service bounds its input before the database sees it; this is the net under that.
     */
    public static boolean isDataException(Throwable failure) {
        return hasSqlState(failure, state -> state.startsWith("22"));
    }

    /**
     * The database could not be reached or went away mid-request (a restart, a failover): nothing the
     * caller did, and worth a retry. SQL states of class 08 (connection exception) and 57P01-57P03
     * (shut down, crashed, not yet accepting connections), or the connection itself refused or closed.
     */
    public static boolean isUnavailable(Throwable failure) {
        return hasSqlState(failure, state -> state.startsWith("08") || CONNECTION_LOST.contains(state))
                || causes(failure).anyMatch(cause -> cause instanceof ClosedConnectionException
                        || cause instanceof SocketException || cause instanceof JDBCConnectionException);
    }

    private static boolean hasSqlState(Throwable failure, Predicate<String> matches) {
        return causes(failure).flatMap(PostgresErrors::sqlStatesOf).anyMatch(matches);
    }

    /** The SQL states a failure names: PostgreSQL's own, or Hibernate Reactive's report of one (its field or its message). */
    private static Stream<String> sqlStatesOf(Throwable cause) {
        if (cause instanceof PgException pg) {
            return Stream.ofNullable(pg.getSqlState());
        }
        if (cause instanceof JDBCException jdbc) {
            return Stream.concat(Stream.ofNullable(jdbc.getSQLState()),
                    STATE_IN_MESSAGE.matcher(String.valueOf(jdbc.getMessage())).results().map(named -> named.group(1)));
        }
        return Stream.empty();
    }

    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure, Objects::nonNull, Throwable::getCause);
    }
}

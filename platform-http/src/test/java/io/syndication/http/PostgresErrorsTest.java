package io.syndication.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.vertx.pgclient.PgException;

/** Which of PostgreSQL's refusals are the caller's doing, which the database's absence. */
class PostgresErrorsTest {

    private static Throwable wrapped(Throwable failure) {
        return new CompletionException(new IllegalStateException("from the session", failure));
    }

    @ParameterizedTest(name = "SQL state {0}: unavailable {1}, bad value {2}")
    @CsvSource({
            "57P01, true, false",   // admin shutdown: a restart cut the session
            "57P03, true, false",   // starting up or shutting down
            "08006, true, false",   // connection failure
            "22021, false, true",   // a NUL in text
            "22001, false, true",   // longer than the column
            "22008, false, true",   // a date out of range
            "23505, false, false",  // unique violation: a conflict, answered elsewhere
            "40001, false, false"   // serialization failure
    })
    void eachSqlStateIsClassified(String sqlState, boolean unavailable, boolean dataException) {
        Throwable failure = wrapped(new PgException("refused", "ERROR", sqlState, null));
        assertThat(PostgresErrors.isUnavailable(failure), equalTo(unavailable));
        assertThat(PostgresErrors.isDataException(failure), equalTo(dataException));
    }

    @ParameterizedTest
    @CsvSource({ "reset", "refused" })
    void aLostOrRefusedConnectionIsUnavailable(String how) {
        Throwable failure = how.equals("reset") ? new SocketException("Connection reset") : new ConnectException("Connection refused");
        assertThat(PostgresErrors.isUnavailable(wrapped(failure)), equalTo(true));
        assertThat(PostgresErrors.isUnavailable(wrapped(new IllegalArgumentException("a bug"))), equalTo(false));
    }
}

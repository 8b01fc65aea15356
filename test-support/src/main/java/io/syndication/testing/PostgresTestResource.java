package io.syndication.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.syndication.suite.LocalPostgres;

/**
 * A real PostgreSQL for a module's tests: an embedded server on a free port, or, when
 * {@code TEST_PG_URL} names one ({@code jdbc:postgresql://host:port/db}, with {@code TEST_PG_USER}
 * and {@code TEST_PG_PASSWORD}), a fresh database created on that server and dropped afterwards.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String EXTERNAL_URL = System.getenv("TEST_PG_URL");
    private static final String EXTERNAL_USER = System.getenv().getOrDefault("TEST_PG_USER", "postgres");
    private static final String EXTERNAL_PASSWORD = System.getenv().getOrDefault("TEST_PG_PASSWORD", "postgres");

    private LocalPostgres embedded;
    private String database;

    @Override
    public Map<String, String> start() {
        if (EXTERNAL_URL != null && !EXTERNAL_URL.isBlank()) {
            return useExternal();
        }
        try {
            // a throw-away server deletes its data directory when it stops
            embedded = LocalPostgres.start(Files.createTempDirectory("test-postgres-"), 0, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        embedded.createDatabases(List.of("test"));
        return datasource(embedded.jdbcUrl("test"), embedded.reactiveUrl("test"), LocalPostgres.USER,
                LocalPostgres.PASSWORD);
    }

    /** A database of its own on the external server, so that concurrent runs never meet. */
    private Map<String, String> useExternal() {
        String server = EXTERNAL_URL.substring(0, EXTERNAL_URL.lastIndexOf('/'));
        database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + database);
        String jdbc = server + "/" + database;
        return datasource(jdbc, jdbc.substring("jdbc:".length()), EXTERNAL_USER, EXTERNAL_PASSWORD);
    }

    private static Map<String, String> datasource(String jdbcUrl, String reactiveUrl, String user, String password) {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl,
                "quarkus.datasource.reactive.url", reactiveUrl,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    @Override
    public void stop() {
        if (embedded != null) {
            embedded.close();
        } else if (database != null) {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(EXTERNAL_URL, EXTERNAL_USER, EXTERNAL_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + EXTERNAL_URL, e);
        }
    }
}

package io.syndication.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private LocalPostgres embedded;
    private Path dataDirectory;
    private String externalServer;
    private String database;

    @Override
    public Map<String, String> start() {
        String url = System.getenv("TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            return useExternal(url);
        }
        try {
            dataDirectory = Files.createTempDirectory("test-postgres-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        embedded = LocalPostgres.start(dataDirectory.resolve("data"), 0, true);
        database = "test";
        embedded.createDatabases(List.of(database));
        return datasource(embedded.jdbcUrl(database), embedded.reactiveUrl(database), LocalPostgres.USER,
                LocalPostgres.PASSWORD);
    }

    private Map<String, String> useExternal(String url) {
        String user = System.getenv().getOrDefault("TEST_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("TEST_PG_PASSWORD", "postgres");
        int lastSlash = url.lastIndexOf('/');
        externalServer = url.substring(0, lastSlash);
        database = "test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute(url, user, password, "CREATE DATABASE " + database);
        String jdbc = externalServer + "/" + database;
        return datasource(jdbc, jdbc.substring("jdbc:".length()), user, password);
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
            deleteRecursively(dataDirectory);
        } else if (externalServer != null) {
            String url = System.getenv("TEST_PG_URL");
            execute(url, System.getenv().getOrDefault("TEST_PG_USER", "postgres"),
                    System.getenv().getOrDefault("TEST_PG_PASSWORD", "postgres"),
                    "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + url, e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.syndication.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server from the binaries on Maven Central, run as a child process with no Docker,
 * guarded by a {@link Watchdog} so that a killed test run or launcher never leaves it behind.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final EmbeddedPostgres server;
    private final Watchdog watchdog;

    private LocalPostgres(EmbeddedPostgres server, Watchdog watchdog) {
        this.server = server;
        this.watchdog = watchdog;
    }

    /**
     * Starts a server on {@code port} (0 for a free one) over {@code dataDirectory}; the data is kept
     * for the next start unless {@code throwAway}.
     */
    public static LocalPostgres start(Path dataDirectory, int port, boolean throwAway) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(throwAway)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", throwAway ? "off" : "on");
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres server = builder.start();
            String postmaster = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim();
            // SIGINT is PostgreSQL's fast shutdown: sessions are ended, the server stops cleanly.
            return new LocalPostgres(server, Watchdog.guard(Long.parseLong(postmaster), "INT"));
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start over " + dataDirectory, e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates each database that does not exist yet. */
    public void createDatabases(List<String> names) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER USER postgres PASSWORD '" + PASSWORD + "'");
            for (String name : names) {
                var existing = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
                if (!existing.next()) {
                    statement.execute("CREATE DATABASE \"" + name + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create databases " + names, e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            watchdog.dismiss();
        }
    }
}

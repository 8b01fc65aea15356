package io.syndication.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
    private final Path dataDirectory;
    private Watchdog watchdog;

    private LocalPostgres(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.watchdog = guard(dataDirectory);
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
            if (!throwAway) {
                // a suite keeps what its benchmarks write (a million items after a few catalogue runs):
                // with the default 128 MB, a batch's inserts into random places of the items' indexes
                // spent PostgreSQL's time evicting pages and checksumming them
                builder.setServerConfig("shared_buffers", "512MB");
            }
            if (port > 0) {
                builder.setPort(port);
            }
            return new LocalPostgres(builder.start(), dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start over " + dataDirectory, e);
        }
    }

    /** A watchdog for the running postmaster. SIGINT is PostgreSQL's fast shutdown: sessions end, the server stops cleanly. */
    private static Watchdog guard(Path dataDirectory) {
        return Watchdog.guard(postmaster(dataDirectory), "INT");
    }

    /** The running postmaster's process id, from the first line of its postmaster.pid. */
    private static long postmaster(Path dataDirectory) {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL's postmaster.pid is unreadable in " + dataDirectory, e);
        }
    }

    /**
     * Restarts the server with {@code pg_ctl restart -m fast}: every session is cut, as in a failover,
     * and it comes back on the same port over the same data.
     */
    void restart() {
        try {
            Path binaries = Path.of(ProcessHandle.of(postmaster(dataDirectory)).flatMap(handle -> handle.info().command())
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL's postmaster is not running"))).getParent();
            watchdog.dismiss();
            List<String> command = new ArrayList<>();
            if ("root".equals(System.getProperty("user.name"))) {
                // PostgreSQL refuses to run as root: as the embedded server's own start does, in a user namespace
                command.addAll(List.of("unshare", "-U"));
            }
            command.addAll(List.of(binaries.resolve("pg_ctl").toString(), "restart", "-D", dataDirectory.toString(),
                    "-m", "fast", "-w", "-t", "60", "-l", dataDirectory.resolveSibling("postgres-restart.log").toString()));
            Process pgCtl = new ProcessBuilder(command).redirectErrorStream(true).start();
            // the server's own output goes to the log: only pg_ctl's reaches this pipe, which ends with it
            String output = new String(pgCtl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (pgCtl.waitFor() != 0) {
                throw new IllegalStateException("pg_ctl restart exited with " + pgCtl.exitValue() + ": " + output);
            }
            watchdog = guard(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL could not be restarted", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restarting PostgreSQL", e);
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

package io.syndication.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A server the suite runs as a child process, its output in a log file, guarded by a
 * {@link Watchdog}. Closing it stops the whole process tree: SIGTERM, then SIGKILL after a grace period.
 */
final class ChildProcess implements AutoCloseable {

    /** Long enough for a JVM to write its class archive at exit (see {@link ClassArchives}). */
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final Watchdog watchdog;
    private final List<Runnable> afterGracefulStop = new ArrayList<>();

    private ChildProcess(String name, Process process, Path log, Watchdog watchdog) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.watchdog = watchdog;
    }

    static ChildProcess start(String name, ProcessBuilder builder, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Process process = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ChildProcess(name, process, log, Watchdog.guard(process.pid(), "TERM"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name, e);
        }
    }

    /** Polls {@code url} until it answers 200; fails early, naming the log, if the process exits. */
    void awaitHttpOk(String url, Duration timeout) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build();
        await("at " + url, timeout, () -> {
            try {
                return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false; // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        });
    }

    /**
     * Polls {@code ready} until it holds; fails early, naming the log, if the process exits.
     *
     * @param where what is awaited, for the message if it never holds (e.g. "at http://...")
     */
    void await(String where, Duration timeout, BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (ready.getAsBoolean()) {
                return;
            }
            pause();
        }
        throw new IllegalStateException(name + " was not ready " + where + " within " + timeout.toSeconds() + " s; see " + log);
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Runs {@code action} once {@link #close} has stopped the process without having to kill it. */
    void whenStoppedGracefully(Runnable action) {
        afterGracefulStop.add(action);
    }

    /** Sends {@code signal} (STOP, CONT...) to the process and every process it started. */
    void signal(String signal) {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal, Long.toString(process.pid())));
        process.toHandle().descendants().forEach(child -> command.add(Long.toString(child.pid())));
        try {
            int exit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + signal + " " + name + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not signal " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while signalling " + name, e);
        }
    }

    /**
     * Kills the process and every process it started (SIGKILL), as a crash or the OOM killer would end
     * it: nothing of its own runs at exit, and nothing is kept after it as after a graceful stop.
     */
    void kill() {
        var tree = process.toHandle().descendants().toList();
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            watchdog.dismiss();
        }
    }

    @Override
    public void close() {
        var tree = process.toHandle().descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(GRACE.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                tree.forEach(ProcessHandle::destroyForcibly);
                return;
            }
            for (ProcessHandle child : tree) {
                child.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
            }
            afterGracefulStop.forEach(Runnable::run);
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
        } finally {
            watchdog.dismiss();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

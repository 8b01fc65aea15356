package io.syndication.suite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchdogTest {

    @Test
    void aKilledJvmLeavesNoPostgresBehind(@TempDir Path directory) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                PostgresHolder.class.getName(), directory.resolve("data").toString())
                .redirectErrorStream(true)
                .start();
        long postmaster;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.startsWith("postmaster "));
            assertTrue(line != null, "the holder JVM never started PostgreSQL");
            postmaster = Long.parseLong(line.substring("postmaster ".length()));
        }
        assertTrue(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false), "PostgreSQL is running");

        holder.destroyForcibly().waitFor();

        await().atMost(Duration.ofSeconds(20)).until(() -> ProcessHandle.of(postmaster).isEmpty()
                || !ProcessHandle.of(postmaster).get().isAlive());
    }

    @Test
    void aGuardedProcessOutlivesItsWatchdogWhileTheJvmLives() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        Watchdog watchdog = Watchdog.guard(sleeper.pid(), "TERM");
        try {
            // the JVM is alive: the watchdog must leave the process alone
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(30)).until(sleeper::isAlive);
        } finally {
            watchdog.dismiss();
            sleeper.destroyForcibly().waitFor();
        }
    }
}

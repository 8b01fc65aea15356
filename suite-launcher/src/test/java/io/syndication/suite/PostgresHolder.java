package io.syndication.suite;

import java.nio.file.Files;
import java.nio.file.Path;

/** A JVM that starts PostgreSQL, prints the postmaster's pid and waits to be killed. */
public final class PostgresHolder {

    private PostgresHolder() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        LocalPostgres.start(data, 0, true);
        System.out.println("postmaster " + Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        System.out.flush();
        Thread.currentThread().join();
    }
}

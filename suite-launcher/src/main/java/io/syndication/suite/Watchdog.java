package io.syndication.suite;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A shell loop that outlives this JVM if it is killed (even by SIGKILL) and then stops the process
 * it guards, so no server is ever left behind. It ends by itself once either process is gone.
 */
final class Watchdog {

    private final Process loop;

    private Watchdog(Process loop) {
        this.loop = loop;
    }

    /** Sends {@code signal} (e.g. INT, TERM) to {@code pid} once this JVM has died. */
    static Watchdog guard(long pid, String signal) {
        long jvm = ProcessHandle.current().pid();
        String script = "while kill -0 " + jvm + " 2>/dev/null && kill -0 " + pid + " 2>/dev/null; do sleep 1; done; "
                + "kill -0 " + jvm + " 2>/dev/null || kill -" + signal + " " + pid + " 2>/dev/null; exit 0";
        try {
            return new Watchdog(new ProcessBuilder("sh", "-c", script)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a watchdog for process " + pid, e);
        }
    }

    void dismiss() {
        loop.destroy();
    }
}

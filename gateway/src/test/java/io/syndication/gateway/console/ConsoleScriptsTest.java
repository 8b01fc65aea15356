package io.syndication.gateway.console;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The console's pure rules, its clock in a channel's zone and its coverage of each local day, held to
 * their tables by Node's own test runner ({@code src/test/console/*.test.mjs}, no packages needed).
 */
class ConsoleScriptsTest {

    @Test
    void theConsolesClockAndCoverageByDayKeepTheirRules() throws IOException, InterruptedException {
        // to a file, so that a run that never ends cannot hold the test past its bound
        Path report = Path.of("target", "console-tests.tap");
        Process tests = new ProcessBuilder("node", "--test", "src/test/console/").redirectErrorStream(true)
                .redirectOutput(report.toFile()).start();
        try {
            boolean finished = tests.waitFor(1, TimeUnit.MINUTES);
            System.out.println(Files.readString(report));
            assertThat("node --test finished within a minute", finished, equalTo(true));
            assertThat("node --test of the console's modules (output above)", tests.exitValue(), equalTo(0));
        } finally {
            tests.destroyForcibly();
        }
    }
}

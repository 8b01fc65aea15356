package io.syndication.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A free port for the packaged service's management interface (health, metrics), so that a test of
 * the packaged service knows where to ask ({@code @QuarkusIntegrationTest} does not tell it), and the
 * packaged service never takes the default 9000 from a suite running beside the tests.
 */
public class FreeManagementPort implements QuarkusTestResourceLifecycleManager {

    private static volatile int port;

    /** The management interface's root, {@code http://127.0.0.1:<port>/q/}. */
    static String root() {
        return "http://127.0.0.1:" + port + "/q/";
    }

    @Override
    public Map<String, String> start() {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the packaged service runs as in production (only its profile is the tests'): management.port, not test-port
        return Map.of("quarkus.management.port", Integer.toString(port));
    }

    @Override
    public void stop() {
    }
}

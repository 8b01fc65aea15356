package io.syndication.suite;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ThreadLocalRandom;

/** Loopback ports: a free one for tests, whether a configured one can be had, whether a server listens on one. */
public final class Ports {

    private Ports() {
    }

    /**
     * Below Linux's ephemeral range (32768-60999, where port 0 also lands), since the kernel gives an
     * outgoing connection its local port from that range: a port found free there could be taken by any
     * connection the machine opens before the service binds it, seconds later (seen: partner-service
     * refused to start, its port in use).
     */
    private static final int LOWEST_FREE = 20_000;
    private static final int HIGHEST_FREE = 32_767;

    /** A loopback port nothing listens on, picked at random below the ephemeral range. */
    public static int free() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST_FREE, HIGHEST_FREE + 1);
            if (available(port)) {
                return port;
            }
        }
        throw new IllegalStateException("No free port between " + LOWEST_FREE + " and " + HIGHEST_FREE);
    }

    static boolean available(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether something on this machine accepts connections on {@code port}. */
    static boolean accepting(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

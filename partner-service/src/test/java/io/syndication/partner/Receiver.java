package io.syndication.partner;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook endpoint on this machine: records every request it gets and answers as told
 * ({@link #answer}); it can also hang, redirect, or answer with a huge body.
 */
public final class Receiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String path, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** What to answer to a request: a status, or {@link #HANG}, {@link #HUGE}. */
    public static final int HANG = -1;
    public static final int HUGE = -2;

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Function<Received, Integer> answer = request -> 204;

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public void answer(Function<Received, Integer> answer) {
        this.answer = answer;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> receivedAt(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Received request = new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        received.add(request);
        int status = answer.apply(request);
        try (exchange) {
            if (status == HANG) {
                released.await();
                return;
            }
            if (status == HUGE) {
                exchange.sendResponseHeaders(200, 10 * 1024 * 1024);
                try (OutputStream body = exchange.getResponseBody()) {
                    byte[] chunk = new byte[64 * 1024];
                    for (int i = 0; i < 160; i++) {
                        body.write(chunk);
                    }
                }
                return;
            }
            if (status >= 300 && status < 400) {
                exchange.getResponseHeaders().add("Location", url("/redirected"));
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException closedByTheSender) {
            // the platform stopped reading (a huge body): what the test is about
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}

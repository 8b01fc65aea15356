package io.syndication.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook endpoint on this machine (a JDK HTTP server on a free loopback port, as the suite
 * allows plain http to 127.0.0.1): records every delivery in the order it arrives and acknowledges it
 * with a 204. Its checks are written from the Standard Webhooks specification, not from the platform's code.
 */
final class WebhookReceiver implements AutoCloseable {

    /** How far a delivery's {@code webhook-timestamp} may be from this clock, as the specification advises receivers. */
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** One delivery as it arrived. */
    record Delivery(String path, Map<String, List<String>> headers, String body, Instant receivedAt) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }

        /** The {@code webhook-id}: the event's id. */
        String id() {
            return header("webhook-id");
        }

        PlatformEvent event() {
            return PlatformEvent.parse(body);
        }

        /**
         * Whether one of the {@code v1,} signatures of {@code webhook-signature} is the HMAC-SHA256 of
         * {@code id.timestamp.body} under {@code secret} ({@code whsec_<base64 key>}), and the timestamp
         * is recent.
         */
        boolean signedWith(String secret) {
            String timestamp = header("webhook-timestamp");
            String signatures = header("webhook-signature");
            if (id() == null || timestamp == null || signatures == null || !secret.startsWith("whsec_")) {
                return false;
            }
            if (Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), receivedAt).abs().compareTo(TOLERANCE) > 0) {
                return false;
            }
            byte[] expected;
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                expected = mac.doFinal((id() + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            for (String signature : signatures.split(" ")) {
                if (signature.startsWith("v1,")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring("v1,".length())))) {
                    return true;
                }
            }
            return false;
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final ConcurrentLinkedQueue<Delivery> deliveries = new ConcurrentLinkedQueue<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen on a loopback port", e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::receive);
        server.start();
    }

    /** The URL of {@code path} on this receiver, as a subscription names it. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** What arrived at {@code path}, in the order it arrived. */
    List<Delivery> at(String path) {
        return deliveries.stream().filter(delivery -> delivery.path().equals(path)).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            deliveries.add(new Delivery(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body,
                    Instant.now()));
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

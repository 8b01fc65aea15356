package io.syndication.partner.webhooks;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import io.vertx.mutiny.core.http.HttpClientResponse;
import io.syndication.partner.webhooks.WebhookDestinations.Destination;

/**
 * Posts one event to one receiver, signed, and says how it went. A receiver costs bounded time and
 * memory whatever it does: the name is resolved and checked before each attempt and the connection
 * goes to the address checked; redirects are not followed (a 3xx is a failed attempt); only the
 * status line is read, never the body; and an attempt ends after {@link #LONGEST} in any case.
 */
@ApplicationScoped
public class WebhookSender {

    static final Duration LONGEST = Duration.ofSeconds(15);
    private static final int CONNECT_TIMEOUT_MS = 5_000;
    private static final int IDLE_TIMEOUT_MS = 10_000;

    private final HttpClient client;
    private final WebhookDestinations destinations;

    WebhookSender(Vertx vertx, WebhookDestinations destinations) {
        this.destinations = destinations;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(CONNECT_TIMEOUT_MS)
                .setIdleTimeout(IDLE_TIMEOUT_MS / 1000)
                .setKeepAlive(false)
                .setForceSni(true)
                .setMaxRedirects(0)
                .setMaxPoolSize(64));
    }

    /** Posts {@code body} (the CloudEvent) as event {@code eventId}, signed with each of {@code secrets}. */
    Uni<Attempt> post(String url, String eventId, String body, List<String> secrets) {
        Instant started = Instant.now();
        Destination destination;
        try {
            destination = destinations.check(url, "url");
        } catch (RuntimeException refused) {
            return Uni.createFrom().item(new Attempt(null, Duration.ZERO, "The URL is no longer allowed"));
        }
        long timestamp = started.getEpochSecond();
        String signatures = secrets.stream().map(secret -> WebhookSignature.sign(secret, eventId, timestamp, body))
                .collect(Collectors.joining(" "));
        return Uni.createFrom().item(() -> resolve(destination))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(address -> client.request(new RequestOptions()
                        .setMethod(HttpMethod.POST)
                        .setServer(SocketAddress.inetSocketAddress(destination.port(), address.getHostAddress()))
                        .setHost(destination.uri().getHost())
                        .setPort(destination.port())
                        .setSsl(destination.https())
                        .setURI(destination.pathAndQuery())
                        .setFollowRedirects(false)
                        .setIdleTimeout(IDLE_TIMEOUT_MS)
                        .putHeader("content-type", "application/cloudevents+json; charset=utf-8")
                        .putHeader("user-agent", "syndication-webhooks/1.0")
                        .putHeader("webhook-id", eventId)
                        .putHeader("webhook-timestamp", Long.toString(timestamp))
                        .putHeader("webhook-signature", signatures)))
                .flatMap(request -> request.send(Buffer.buffer(body)))
                .map(WebhookSender::statusOnly)
                .ifNoItem().after(LONGEST).fail()
                .map(status -> new Attempt(status, Duration.between(started, Instant.now()), null))
                .onFailure().recoverWithItem(failure -> new Attempt(null, Duration.between(started, Instant.now()),
                        describe(failure)));
    }

    private InetAddress resolve(Destination destination) {
        try {
            return destinations.resolve(destination);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The status code; the connection is closed at once, so a body of any size is never read. */
    private static int statusOnly(HttpClientResponse response) {
        int status = response.statusCode();
        response.request().connection().closeAndForget();
        return status;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }
}

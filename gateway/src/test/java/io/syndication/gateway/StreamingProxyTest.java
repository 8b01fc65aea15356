package io.syndication.gateway;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.syndication.testing.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

/** The proxy as HTTP sees it: which headers cross, and bodies streamed both ways over HTTP/1.1 and HTTP/2. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(EchoUpstreamResource.class)
class StreamingProxyTest {

    @Test
    void passesEndToEndHeadersButNoHopByHopOnes() throws IOException {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String answer = exchange("GET /api/v1/channels?limit=1 HTTP/1.1\r\n"
                + "Host: gateway.example\r\n"
                + "Authorization: Bearer " + Tokens.operator() + "\r\n"
                + "Connection: X-Hop\r\n"
                + "X-Hop: for the gateway only\r\n"
                + "Keep-Alive: timeout=5\r\n"
                + "Proxy-Authorization: Basic Zm9vOmJhcg==\r\n"
                + "TE: trailers\r\n"
                + "traceparent: " + traceparent + "\r\n"
                + "X-Partner-Trace: abc\r\n"
                + "\r\n");
        assertThat(answer, startsWith("HTTP/1.1 200"));
        JsonObject headers = new JsonObject(answer.substring(answer.indexOf("\r\n\r\n") + 4)).getJsonObject("headers");
        assertThat(headers.getString("traceparent"), equalTo(traceparent));
        assertThat(headers.getString("x-partner-trace"), equalTo("abc"));
        assertThat(headers.getString("x-forwarded-host"), equalTo("gateway.example"));
        // the upstream is addressed by its own name, not by the caller's
        assertThat(headers.getString("host"), startsWith("127.0.0.1:"));
        for (String hopByHop : List.of("x-hop", "keep-alive", "proxy-authorization", "te")) {
            assertThat(hopByHop, headers.getString(hopByHop), nullValue());
        }
    }

    @Test
    void aTransferEncodingOtherThanChunkedIsAProblem400() throws IOException {
        String answer = exchange("POST /api/v1/channels HTTP/1.1\r\n"
                + "Host: gateway.example\r\n"
                + "Authorization: Bearer " + Tokens.operator() + "\r\n"
                + "Transfer-Encoding: gzip, chunked\r\n"
                + "\r\n"
                + "0\r\n\r\n");
        assertThat(answer, startsWith("HTTP/1.1 400"));
        assertThat(answer, containsString("application/problem+json"));
        assertThat(answer, containsString("gzip, chunked"));
    }

    @Test
    void streamsAChunkedUploadAndAChunkedAnswer() throws Exception {
        byte[] upload = new byte[3 * 1024 * 1024];
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> echoed = http.send(HttpRequest.newBuilder(gateway("/api/v1/partners/uploads"))
                .header("Authorization", "Bearer " + Tokens.admin())
                // a stream of unknown length goes chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(upload)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(echoed.statusCode(), equalTo(200));
        assertThat(new JsonObject(echoed.body()).getInteger("bodyLength"), equalTo(upload.length));
        assertThat(new JsonObject(echoed.body()).getJsonObject("headers").getString("transfer-encoding"), equalTo("chunked"));

        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(gateway("/api/v1/channels/chunked"))
                .header("Authorization", "Bearer " + Tokens.operator()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode(), equalTo(200));
        assertThat(chunked.body(), equalTo("first,second,third"));
        assertThat(chunked.headers().firstValue("Transfer-Encoding").orElse(""), equalTo("chunked"));
    }

    @Test
    void anHttp2UploadThatDeclaresNoLengthArrivesWhole() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            io.vertx.core.http.HttpClient h2c = vertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_2).setHttp2ClearTextUpgrade(false));
            Buffer upload = Buffer.buffer(new byte[200_000]);
            JsonObject echoed = h2c.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1")
                    .setPort(RestAssured.port).setURI("/api/v1/channels").putHeader("Authorization", "Bearer " + Tokens.operator()))
                    .compose(request -> {
                        request.setChunked(true);
                        request.write(upload.slice(0, 100_000));
                        return request.end(upload.slice(100_000, 200_000)).compose(sent -> request.response());
                    })
                    .compose(response -> {
                        assertThat(response.version(), equalTo(HttpVersion.HTTP_2));
                        return response.body();
                    })
                    .map(Buffer::toJsonObject)
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(echoed.getInteger("bodyLength"), equalTo(upload.length()));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aCallerHangingUpHalfWayAbandonsTheUpstreamCallQuietly() throws IOException {
        try (CapturedLogs logs = CapturedLogs.of("")) {
            int abandonedBefore = EchoUpstreamResource.ABANDONED.get();
            try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
                socket.getOutputStream().write(("GET /api/v1/channels/trickle HTTP/1.1\r\nHost: gateway.example\r\n"
                        + "Authorization: Bearer " + Tokens.operator() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String start = new String(socket.getInputStream().readNBytes(200), StandardCharsets.US_ASCII);
                assertThat(start, startsWith("HTTP/1.1 200"));
            }
            // ABANDONED counts only answers dropped before their end, so the bound is no timing claim
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> EchoUpstreamResource.ABANDONED.get(), greaterThan(abandonedBefore));
            RestAssured.given().auth().oauth2(Tokens.operator()).when().get("/api/v1/channels").then().statusCode(200);
            assertThat(logs.atLeast(Level.SEVERE), empty());
        }
    }

    @Test
    void anHttp10CallerGetsTheAnswerStreamedAndEndedByClosingTheConnection() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            // keep-alive asked for, yet an HTTP/1.0 body of unknown length can only end with the connection
            socket.getOutputStream().write(("GET /api/v1/channels/held HTTP/1.0\r\nHost: gateway.example\r\n"
                    + "Connection: keep-alive\r\nAuthorization: Bearer " + Tokens.operator() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = head(in).toLowerCase();
            assertThat(head, startsWith("http/1.0 200"));
            assertThat(head, containsString("connection: close"));
            assertThat(head, not(containsString("content-length")));
            assertThat(head, not(containsString("transfer-encoding")));
            // the first part arrives while the upstream still holds the rest: the answer is not buffered
            assertThat(new String(in.readNBytes(6), StandardCharsets.US_ASCII), equalTo("first,"));
            EchoUpstreamResource.releaseHeld();
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII), equalTo("rest"));
        }
    }

    private static URI gateway(String path) {
        return URI.create("http://127.0.0.1:" + RestAssured.port + path);
    }

    /** Sends a request exactly as written and reads the answer, whose length its Content-Length gives. */
    private static String exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = head(in);
            Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
            assertThat(head, length.find());
            return head + new String(in.readNBytes(Integer.parseInt(length.group(1))), StandardCharsets.UTF_8);
        }
    }

    /** An answer's status line and headers, up to and with the blank line. */
    private static String head(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            head.append((char) c);
            if (head.toString().endsWith("\r\n\r\n")) {
                return head.toString();
            }
        }
        throw new EOFException("The connection ended within the answer's head: " + head);
    }
}

package io.syndication.partner;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.RawHttp;

/**
 * A body too large or too slow is refused with a problem and its connection closed, on the service's own
 * port (platform-http's RequestBodies): here with a 64 KiB limit and a one-second stall bound, so that no
 * test waits long.
 */
@QuarkusTest
@TestProfile(RequestBodiesTest.SmallAndImpatient.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
class RequestBodiesTest {

    public static class SmallAndImpatient implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.limits.max-body-size", "64K", "platform.http.body.stall-timeout", "1s");
        }
    }

    private static final String APPLY = "POST /api/v1/applications HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n";

    @Test
    void aBodyDeclaredLargerThanTheLimitIsA413Problem() {
        given().contentType(ContentType.JSON).body("{\"legalName\": \"" + "x".repeat(70_000) + "\"}")
                .when().post("/api/v1/applications")
                .then().spec(problem(413))
                .header("Connection", equalTo("close"))
                .body("type", endsWith("/content-too-large"))
                .body("title", equalTo("Content Too Large"))
                .body("detail", containsString("65536 bytes (64 KiB)"))
                .body("instance", equalTo("/api/v1/applications"));
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIsA413ProblemThatACallerSendingItAllFirstStillReads() throws Exception {
        try (Socket caller = caller()) {
            OutputStream out = caller.getOutputStream();
            out.write((APPLY + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            // 1 MiB in 8 KiB chunks, all of it before reading, as most clients do: the service reads on past its
            // limit, dropping what comes, so that the answer is not lost to a connection reset under the upload
            byte[] chunk = ("2000\r\n" + "x".repeat(0x2000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int sent = 0; sent < 128; sent++) {
                out.write(chunk);
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            List<String> answer = RawHttp.answer(caller);
            assertThat(answer.get(0), startsWith("HTTP/1.1 413"));
            assertThat(answer, hasItem("content-type: application/problem+json"));
            assertThat(answer.get(answer.size() - 1), containsString("65536 bytes"));
        }
    }

    @Test
    void aChunkedBodyWithinTheLimitReachesTheResource() throws Exception {
        try (Socket caller = caller()) {
            String body = "{\"legalName\": \"\"}";
            caller.getOutputStream().write((APPLY + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                    + Integer.toHexString(body.length()) + "\r\n" + body + "\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            caller.getOutputStream().flush();
            List<String> answer = RawHttp.answer(caller);
            // read whole and validated: the resource saw the body
            assertThat(answer.get(0), startsWith("HTTP/1.1 400"));
            assertThat(answer.get(answer.size() - 1), containsString("\"field\":\"legalName\""));
        }
    }

    @Test
    void aBodyThatStopsArrivingIsA400ProblemWithinItsBoundAndItsConnectionIsClosed() throws Exception {
        try (Socket caller = caller()) {
            // declares 100 bytes, sends 12 and nothing more
            caller.getOutputStream().write((APPLY + "Content-Length: 100\r\n\r\n{\"legalName\"").getBytes(StandardCharsets.US_ASCII));
            caller.getOutputStream().flush();
            List<String> answer = RawHttp.answer(caller);
            assertThat(answer.get(0), startsWith("HTTP/1.1 400"));
            assertThat(answer.get(answer.size() - 1), containsString("stopped arriving"));
        }
    }

    /** A connection to the service that gives up reading after 30 s (the bound on a test, not what it waits for). */
    private static Socket caller() throws IOException {
        Socket caller = new Socket("127.0.0.1", RestAssured.port);
        caller.setSoTimeout(30_000);
        return caller;
    }
}

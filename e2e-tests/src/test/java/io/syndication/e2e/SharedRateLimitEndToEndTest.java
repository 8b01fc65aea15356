package io.syndication.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rate limits hold for the platform as a whole: two gateway replicas, started side by side as a
 * Deployment's pods would run, draw one client's requests from one bucket in PostgreSQL.
 */
@ExtendWith(Platform.class)
class SharedRateLimitEndToEndTest {

    /** Thirty anonymous requests a day per address: a refill during the test adds nothing. */
    private static final int LIMIT = 30;

    @Test
    void twoGatewaysSideBySideHoldOneCombinedLimit() {
        Map<String, String> limits = Map.of("gateway.rate-limits.anonymous.requests", Integer.toString(LIMIT),
                "gateway.rate-limits.anonymous.per", "24h");
        List<String> gateways = List.of(Platform.suite().startAnotherGateway("gateway_replicas", limits),
                Platform.suite().startAnotherGateway("gateway_replicas", limits));
        Map<String, Integer> served = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        // turn and turn about, as a round-robin balancer would send them: each replica alone would allow 30
        for (int i = 0; i < 3 * LIMIT; i++) {
            String gateway = gateways.get(i % 2);
            int status = given().baseUri(gateway).when().get("/api/v1/applications/agreement").then().extract().statusCode();
            statuses.merge(status, 1, Integer::sum);
            if (status == 200) {
                served.merge(gateway, 1, Integer::sum);
            }
        }
        System.out.println("[rate-limits] " + 3 * LIMIT + " anonymous requests over two gateways: " + statuses
                + ", served by each: " + served.values());
        assertThat(statuses, equalTo(Map.of(200, LIMIT, 429, 2 * LIMIT)));
        assertThat(List.copyOf(served.values()), equalTo(List.of(LIMIT / 2, LIMIT / 2)));
    }
}

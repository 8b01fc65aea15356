package io.syndication.gateway.traffic;

import static io.restassured.RestAssured.given;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.syndication.gateway.EchoUpstreamResource;
import io.syndication.gateway.config.RateLimitConfig;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Tokens;

/**
 * Buckets shared in PostgreSQL: what one gateway replica spends, another cannot spend again. The
 * other replica here is a second {@link SharedBuckets} on the same database, as another gateway
 * process would have (e2e-tests start two real ones).
 */
@QuarkusTest
@TestProfile(SharedRateLimitTest.SharedBucketsInPostgres.class)
class SharedRateLimitTest {

    public static class SharedBucketsInPostgres implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gateway.rate-limits.shared", "true",
                    "gateway.rate-limits.roles.partner.requests", "4",
                    "gateway.rate-limits.roles.partner.per", "24h");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OidcWiremockTestResource.class),
                    new TestResourceEntry(EchoUpstreamResource.class), new TestResourceEntry(PostgresTestResource.class));
        }
    }

    @Inject
    DataSource database;

    @Inject
    RateLimitConfig config;

    @Test
    void aClientsBucketIsOneForEveryReplica() throws Exception {
        String partner = Tokens.partner(UUID.randomUUID());
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            SharedBuckets otherReplica = new SharedBuckets(database, workers, 100, config.sharedSlack());
            RateLimitConfig.Limit limit = config.roles().get("partner");
            // four tokens a day: this gateway spends two, the other replica one, then this one the last
            given().auth().oauth2(partner).when().get("/api/v1/partners/me").then().statusCode(200);
            given().auth().oauth2(partner).when().get("/api/v1/partners/me").then().statusCode(200);
            // the client's bucket is a row in the database, under the key this gateway gave it
            List<String> rows = bucketKeys();
            assertThat(rows.size(), equalTo(1));
            String key = rows.get(0);
            ConsumptionProbe taken = otherReplica.tryConsume(key, limit).toCompletableFuture().get();
            assertThat(taken.isConsumed(), equalTo(true));
            assertThat(taken.getRemainingTokens(), equalTo(1L));
            given().auth().oauth2(partner).when().get("/api/v1/partners/me").then().statusCode(200)
                    .header("RateLimit-Remaining", equalTo("0"));
            given().auth().oauth2(partner).when().get("/api/v1/partners/me").then().spec(problem(429));
            assertThat(otherReplica.tryConsume(key, limit).toCompletableFuture().get().isConsumed(), equalTo(false));
            assertThat(bucketKeys(), equalTo(List.of(key)));
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * A new client's first requests arrive together: bucket4j's optimised proxies batch them into one
     * command that found no bucket and failed (503 "rate limit could not be checked") instead of
     * creating it; each take must answer, and no more than the limit may be spent.
     */
    @Test
    void aNewClientsFirstTakesAtOnceEachAnswer() throws Exception {
        int atOnce = 32;
        ExecutorService workers = Executors.newFixedThreadPool(8);
        try {
            for (RateLimitConfig.Limit limit : List.of(config.roles().get("partner"), config.roles().get("channel-operator"))) {
                SharedBuckets replica = new SharedBuckets(database, workers, 100, config.sharedSlack());
                String key = "racing-" + UUID.randomUUID();
                List<CompletableFuture<ConsumptionProbe>> takes = new ArrayList<>();
                for (int i = 0; i < atOnce; i++) {
                    takes.add(replica.tryConsume(key, limit).toCompletableFuture());
                }
                long consumed = 0;
                for (CompletableFuture<ConsumptionProbe> take : takes) {
                    consumed += take.get().isConsumed() ? 1 : 0;
                }
                assertThat(consumed, equalTo(Math.min(atOnce, limit.requests())));
            }
        } finally {
            workers.shutdownNow();
            try (Connection connection = database.getConnection()) {
                connection.createStatement().executeUpdate("DELETE FROM rate_limit_bucket WHERE id LIKE 'racing-%'");
            }
        }
    }

    private List<String> bucketKeys() throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection connection = database.getConnection();
                ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM rate_limit_bucket")) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }
}

package io.syndication.content;

import static io.restassured.RestAssured.given;
import static io.syndication.content.ContentApi.batch;
import static io.syndication.content.ContentCatalogueTest.programme;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.oneOf;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.Race;
import io.syndication.testing.TestSql;
import io.syndication.testing.Tokens;

/**
 * A batch is written in one transaction, yet each of its items is judged as if it had been sent
 * alone, in order: an item named twice, an item the database refuses, and batches racing over the
 * same items behave as item-by-item writes would.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakePartnerServiceResource.class)
class IngestTest {

    private final String partner = Tokens.partner(UUID.randomUUID());

    private static String batchOf(String... items) {
        return "{\"items\": [" + String.join(",", items) + "]}";
    }

    @Test
    void anItemNamedTwiceInABatchIsCreatedByTheFirstAndChangedByTheSecond() {
        Response written = batch(partner, batchOf(programme("twice", "First title"), programme("twice", "Second title"),
                programme("twice", "Second title")));
        written.then().statusCode(200).body("results.outcome", contains("CREATED", "UPDATED", "UNCHANGED"));
        List<String> ids = written.path("results.id");
        assertThat(ids.stream().distinct().count(), equalTo(1L));

        given().auth().oauth2(partner).when().get("/api/v1/content/" + ids.get(0))
                .then().statusCode(200).body("title", equalTo("Second title")).body("version", equalTo(1))
                .body("status", equalTo("DRAFT"));
        given().auth().oauth2(partner).when().get("/api/v1/content/" + ids.get(0) + "/history")
                .then().statusCode(200).body("action", contains("CREATED", "UPDATED"));
    }

    @Test
    void anItemTheDatabaseRefusesFailsAloneAndTheOthersAreWritten() throws SQLException {
        // a rule only the database holds, as a value the service's own checks missed would meet
        try (Connection database = TestSql.connection(); Statement statement = database.createStatement()) {
            statement.execute("ALTER TABLE content_item ADD CONSTRAINT ingest_test_refuses CHECK (title <> 'Refused')");
            try {
                batch(partner, batchOf(programme("kept-1", "Kept"), programme("refused", "Refused"), programme("kept-2", "Kept")))
                        .then().statusCode(200)
                        .body("results.outcome", contains("CREATED", "FAILED", "CREATED"))
                        .body("results[1].problem.status", equalTo(500));
            } finally {
                statement.execute("ALTER TABLE content_item DROP CONSTRAINT ingest_test_refuses");
            }
        }
        assertThat(itemsKnownAs("kept-1", "refused", "kept-2"), contains(1, 0, 1));
    }

    @Test
    void racingBatchesNamingTheSameNewItemsInOppositeOrdersMakeEachOnce() {
        String[] forwards = { programme("race-a", "A"), programme("race-b", "B"), programme("race-c", "C") };
        String[] backwards = { forwards[2], forwards[1], forwards[0] };
        List<List<String>> outcomes = Race.of(8, racer -> batch(partner, batchOf(racer % 2 == 0 ? forwards : backwards))
                .then().statusCode(200).extract().<List<String>>path("results.outcome"));
        List<String> all = outcomes.stream().flatMap(List::stream).toList();
        assertThat(all, everyItem(is(oneOf("CREATED", "UNCHANGED"))));
        assertThat(Collections.frequency(all, "CREATED"), equalTo(3));
        assertThat(itemsKnownAs("race-a", "race-b", "race-c"), contains(1, 1, 1));
    }

    /** How many of the partner's items each external id names. */
    private List<Integer> itemsKnownAs(String... externalIds) {
        List<String> known = given().auth().oauth2(partner).queryParam("limit", 200)
                .when().get("/api/v1/content").then().statusCode(200).extract().path("items.externalId");
        return Stream.of(externalIds).map(externalId -> Collections.frequency(known, externalId)).toList();
    }
}

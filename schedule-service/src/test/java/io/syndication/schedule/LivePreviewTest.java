package io.syndication.schedule;

import static io.syndication.schedule.ScheduleApi.channel;
import static io.syndication.schedule.ScheduleApi.channelWithProgrammeAt;
import static io.syndication.schedule.ScheduleApi.live;
import static io.syndication.schedule.ScheduleApi.placed;
import static io.syndication.schedule.ScheduleApi.previewLive;
import static io.syndication.schedule.ScheduleApi.slots;
import static io.syndication.testing.Problems.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.syndication.testing.PostgresTestResource;
import io.syndication.testing.TestSql;

/**
 * A live event's dry run ({@code POST .../live?dryRun=true}): the answer going live would give, the refusals
 * it would meet, and nothing changed, locked or announced.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(FakeContentServiceResource.class)
class LivePreviewTest {

    private static final String PROGRAMME = FakeContentServiceResource.PROGRAMME;
    private static final String LIVE = FakeContentServiceResource.LIVE;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PUSH | TRIMMED ADDED MOVED MOVED
            TRIM | TRIMMED TRIMMED
            DROP | REMOVED REMOVED
            """)
    void aDryRunAnswersWhatGoingLiveThenDoesAndChangesNothing(String policy, String changes) {
        String channel = channelWithProgrammeAt("2026-12-14T10:00:00Z");
        placed(channel, PROGRAMME, "2026-12-14T10:30:00Z", null);
        placed(channel, PROGRAMME, "2026-12-14T11:00:00Z", null);
        placed(channel, PROGRAMME, "2026-12-14T12:10:00Z", null);
        List<Map<String, Object>> before = day(channel);
        long announced = lastEventOf(channel);

        ExtractableResponse<Response> preview = previewLive(channel, LIVE, "2026-12-14T10:15:00Z", "2026-12-14T10:45:00Z", policy);
        assertThat(preview.body().asString(), preview.statusCode(), equalTo(200));
        assertThat(preview.header("Location"), nullValue());
        assertThat(preview.path("changes.change"), contains(changes.split(" ")));
        // the slots it would make are not on the schedule: they have no id yet
        assertThat(preview.path("live.id"), nullValue());
        assertThat(preview.path("changes.findAll { it.change == 'ADDED' }.slot.id"), everyItem(nullValue()));
        assertThat(preview.path("changes.findAll { it.change != 'ADDED' }.slot.id"), everyItem(notNullValue()));

        assertThat("the dry run wrote nothing", day(channel), equalTo(before));
        assertThat("the dry run announced nothing", lastEventOf(channel), equalTo(announced));

        ExtractableResponse<Response> done = live(channel, LIVE, "2026-12-14T10:15:00Z", "2026-12-14T10:45:00Z", policy);
        assertThat(done.body().asString(), done.statusCode(), equalTo(201));
        assertThat(withoutNewIds(done.jsonPath().getMap("")), equalTo(preview.jsonPath().getMap("")));
        assertThat(lastEventOf(channel), greaterThan(announced));
    }

    @Test
    void aDryRunIsRefusedAsGoingLiveWouldBe() {
        String channel = channel();
        String fixed = placed(channel, LIVE, "2026-12-18T10:00:00Z", "2026-12-18T12:00:00Z");
        // the fake licenses its programmes until 2027-01-01T00:00Z
        placed(channel, PROGRAMME, "2026-12-31T23:30:00Z", null);
        List<Map<String, Object>> before = slots(channel, "2026-12-18T00:00:00Z", "2027-01-01T00:00:00Z").getList("");
        long announced = lastEventOf(channel);

        for (String policy : List.of("PUSH", "TRIM", "DROP")) {
            assertThat(previewLive(channel, LIVE, "2026-12-18T11:00:00Z", "2026-12-18T13:00:00Z", policy).response().then()
                    .spec(problem(409)).extract().<String>path("detail"), containsString(fixed));
        }
        previewLive(channel, LIVE, "2026-12-31T23:20:00Z", "2026-12-31T23:40:00Z", "PUSH").response().then()
                .spec(problem(422)).body("violations[0].message", containsString("RIGHTS_WINDOW"));
        previewLive(channel, PROGRAMME, "2026-12-20T14:00:00Z", "2026-12-20T15:00:00Z", "DROP").response().then()
                .spec(problem(422));
        previewLive(channel, LIVE, "2026-12-20T15:00:00Z", "2026-12-20T14:00:00Z", "DROP").response().then()
                .spec(problem(400)).body("violations[0].field", equalTo("end"));
        previewLive(channel, FakeContentServiceResource.NOT_APPROVED, "2026-12-20T14:00:00Z", "2026-12-20T15:00:00Z", "DROP")
                .response().then().spec(problem(422))
                .body("violations[0].message", containsString(FakeContentServiceResource.NOT_APPROVED));
        previewLive(UUID.randomUUID().toString(), LIVE, "2026-12-20T14:00:00Z", "2026-12-20T15:00:00Z", "DROP").response()
                .then().spec(problem(404));

        assertThat(slots(channel, "2026-12-18T00:00:00Z", "2027-01-01T00:00:00Z").getList(""), equalTo(before));
        assertThat(lastEventOf(channel), equalTo(announced));
    }

    @Test
    void onlyTrueOrFalseIsADryRun() {
        String channel = channelWithProgrammeAt("2026-12-21T10:00:00Z");
        // a value read as false would put the event on air
        ExtractableResponse<Response> unclear = ScheduleApi.live(channel, LIVE, "2026-12-21T10:15:00Z", "2026-12-21T10:45:00Z",
                "TRIM", "yes");
        unclear.response().then().spec(problem(400)).body("violations[0].message", containsString("true or false"));
        assertThat(slots(channel, "2026-12-21T00:00:00Z", "2026-12-22T00:00:00Z").getList("kind"), contains("PROGRAMME"));
        assertThat(ScheduleApi.live(channel, LIVE, "2026-12-21T10:15:00Z", "2026-12-21T10:45:00Z", "TRIM", "false")
                .statusCode(), equalTo(201));
    }

    @Test
    void aDryRunWaitsForNoEditOfTheChannel() throws Exception {
        String channel = channelWithProgrammeAt("2026-12-22T10:00:00Z");
        try (Connection editor = TestSql.connection(); Statement statement = editor.createStatement()) {
            editor.setAutoCommit(false);
            // as an edit of the channel under way would: going live would wait for it
            statement.execute("SELECT id FROM channel WHERE id = '" + channel + "' FOR UPDATE");
            ExtractableResponse<Response> preview = CompletableFuture
                    .supplyAsync(() -> previewLive(channel, LIVE, "2026-12-22T10:10:00Z", "2026-12-22T10:20:00Z", "TRIM"))
                    .get(60, TimeUnit.SECONDS);
            assertThat(preview.statusCode(), equalTo(200));
            assertThat(preview.path("changes.change"), contains("TRIMMED", "ADDED"));
            editor.rollback();
        }
    }

    private static List<Map<String, Object>> day(String channel) {
        return slots(channel, "2026-12-14T00:00:00Z", "2026-12-15T00:00:00Z").getList("");
    }

    /** The number of the last event announced about the channel (0 before any), written with the event. */
    private static long lastEventOf(String channel) {
        try (Connection connection = TestSql.connection();
                PreparedStatement query = connection.prepareStatement("SELECT last FROM event_sequence WHERE subject = ?")) {
            query.setObject(1, UUID.fromString(channel));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the channel's event sequence", e);
        }
    }

    /** Going live's answer as its dry run gives it: the slots it made without their ids. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutNewIds(Map<String, Object> answer) {
        Map<String, Object> preview = new HashMap<>(answer);
        Map<String, Object> live = new HashMap<>((Map<String, Object>) answer.get("live"));
        live.put("id", null);
        preview.put("live", live);
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Map<String, Object> change : (List<Map<String, Object>>) answer.get("changes")) {
            if ("ADDED".equals(change.get("change"))) {
                Map<String, Object> slot = new HashMap<>((Map<String, Object>) change.get("slot"));
                slot.put("id", null);
                change = Map.of("change", change.get("change"), "slot", slot);
            }
            changes.add(change);
        }
        preview.put("changes", changes);
        return preview;
    }
}

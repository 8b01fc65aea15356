package io.syndication.schedule.slot;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.syndication.http.Problem;
import io.syndication.http.ProblemException;
import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.content.ContentItem;
import io.syndication.schedule.content.ContentKind;
import io.syndication.schedule.content.ContentStanding;
import io.syndication.schedule.content.ContentStatus;

/**
 * A whole window's plan as a pure rule. The window is {@code [0, 120)} minutes after {@link #T0};
 * a planned slot is written {@code "P@10"} (a 30-minute programme from minute 10), {@code "L@10-50"}
 * (a live event over [10, 50)), {@code "H@10"} (an item content-service does not show) or
 * {@code "N@10"} (a programme licensed only until minute 20).
 */
class WindowPlanTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final Channel CHANNEL = channel();
    /** One content item per letter. */
    private static final Map<Character, UUID> CONTENT = Map.of('P', UUID.randomUUID(), 'L', UUID.randomUUID(),
            'H', UUID.randomUUID(), 'N', UUID.randomUUID());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # behaviour                                          | planned                 | slots in start order
            an empty plan empties the window                     | nothing                 | nothing
            slots come back in start order, whatever was sent     | P@60, P@0, L@30-60      | 0-30 PROGRAMME, 30-60 LIVE, 60-90 PROGRAMME
            a slot may end exactly at the window's end           | P@90                    | 90-120 PROGRAMME
            slots may meet end to start                          | P@0, P@30               | 0-30 PROGRAMME, 30-60 PROGRAMME
            """)
    void aValidPlanIsItsSlotsInStartOrder(String behaviour, String planned, String slots) {
        List<Slot> plan = WindowPlan.of(CHANNEL, at(0), at(120), planned(planned), standings(planned));
        assertThat(plan.stream().map(slot -> minute(slot.startAt) + "-" + minute(slot.endAt) + " " + slot.kind).toList(),
                equalTo(words(slots)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # behaviour                                          | planned                 | status | violations
            a slot starting before the window                    | P@-10                   | 400    | [0]
            a slot ending after the window                       | P@100                   | 400    | [0]
            a live event without an end                          | P@0, L@30               | 400    | [1].end
            a programme given an end                             | P@0-20                  | 400    | [0].end
            overlapping slots name the later one                 | P@0, P@20, P@60         | 400    | [1]
            an item content-service does not show                | P@0, H@30               | 422    | [1]
            rights ending inside the slot                        | N@0                     | 422    | [0]
            an invalid slot is reported before a broken rule     | H@0, P@100              | 400    | [1]
            every invalid slot is named                          | P@-10, P@0, P@10        | 400    | [0], [2]
            """)
    void aPlanWithAnyBadSlotIsRefusedNamingEachByIndex(String behaviour, String planned, int status, String violations) {
        ProblemException refused = assertThrows(ProblemException.class,
                () -> WindowPlan.of(CHANNEL, at(0), at(120), planned(planned), standings(planned)));
        assertThat(refused.problem().status(), equalTo(status));
        assertThat(refused.problem().violations().stream().map(Problem.Violation::field).toList(),
                equalTo(Arrays.asList(violations.split(",\\s*"))));
    }

    @Test
    void aRefusalListsAHundredViolationsAndCountsThemAll() {
        List<String> outside = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            outside.add("P@" + (200 + i));
        }
        String planned = String.join(", ", outside);
        ProblemException refused = assertThrows(ProblemException.class,
                () -> WindowPlan.of(CHANNEL, at(0), at(120), planned(planned), standings(planned)));
        assertThat(refused.problem().violations(), hasSize(100));
        assertThat(refused.problem().detail(), equalTo("150 of the window's slots are invalid"));
    }

    private static List<PlannedSlot> planned(String text) {
        return words(text).stream().map(word -> {
            String[] times = word.substring(2).split("(?<=\\d)-");
            return new PlannedSlot(CONTENT.get(word.charAt(0)), at(Integer.parseInt(times[0])),
                    times.length > 1 ? at(Integer.parseInt(times[1])) : null);
        }).toList();
    }

    private static Map<UUID, ContentStanding> standings(String text) {
        Map<UUID, ContentStanding> standings = new HashMap<>();
        for (String word : words(text)) {
            char kind = word.charAt(0);
            UUID id = CONTENT.get(kind);
            ContentItem item = kind == 'H' ? null : new ContentItem(id, UUID.randomUUID(),
                    kind == 'L' ? ContentKind.LIVE_EVENT : ContentKind.PROGRAMME, "Harbour Lights", ContentStatus.APPROVED,
                    kind == 'L' ? null : 1_800, null, null, "ALL_AGES", at(-1_000), kind == 'N' ? at(20) : null,
                    List.of("SG"), 0);
            standings.put(id, new ContentStanding(id, item, true));
        }
        return standings;
    }

    private static Channel channel() {
        Channel channel = new Channel();
        channel.id = UUID.randomUUID();
        channel.territories = List.of("SG");
        return channel;
    }

    private static List<String> words(String text) {
        return text.equals("nothing") ? List.of() : Arrays.asList(text.split(",\\s*"));
    }

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    private static long minute(Instant instant) {
        return ChronoUnit.MINUTES.between(T0, instant);
    }
}

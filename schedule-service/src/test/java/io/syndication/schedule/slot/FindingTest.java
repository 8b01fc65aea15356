package io.syndication.schedule.slot;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.syndication.schedule.content.ContentItem;
import io.syndication.schedule.content.ContentStanding;
import io.syndication.schedule.content.ContentKind;
import io.syndication.schedule.content.ContentStatus;

/**
 * Validation of a placed schedule as a pure rule. The window is {@code [0, 100)} minutes after
 * {@link #T0} on a channel seen in SG and MY; a slot is written {@code "B 30-40 expired"}: its
 * title, its minutes and what content-service says of its item now: {@code ok}, {@code retired},
 * {@code hidden} (shows no item), {@code expired} (rights ended at minute 35), {@code territory}
 * (licensed for SG only), {@code inactive} (partner), or several joined by {@code +}.
 */
class FindingTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private static final List<String> CHANNEL_TERRITORIES = List.of("SG", "MY");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # behaviour                                          | slots                                                 | findings
            an empty window is one gap                           | nothing                                               | GAP 0-100
            a covered window of airable slots has no finding     | A 0-50 ok, B 50-100 ok                                | nothing
            gaps and broken rules come in time order             | A 10-20 ok, B 30-40 expired, C 40-60 retired+inactive | GAP 0-10; GAP 20-30; RIGHTS_EXPIRED B 30-40; CONTENT_NOT_APPROVED C 40-60; PARTNER_INACTIVE C 40-60; GAP 60-100
            an item no longer shown is not approved              | A 0-100 hidden                                        | CONTENT_NOT_APPROVED A 0-100
            a channel seen in more territories than licensed     | A 0-100 territory                                     | TERRITORY_MISMATCH A 0-100
            rights ending as the slot ends are not expired       | A 0-35 expired, B 35-100 ok                           | nothing
            a slot crossing the window edges keeps its own times | A -10-30 retired, B 30-110 expired                    | CONTENT_NOT_APPROVED A -10-30; RIGHTS_EXPIRED B 30-110
            a gap after the last slot comes last                 | A 0-10 retired                                        | CONTENT_NOT_APPROVED A 0-10; GAP 10-100
            """)
    void findingsAreGapsAndBrokenRulesInTimeOrder(String behaviour, String slots, String findings) {
        Map<UUID, ContentStanding> standings = new HashMap<>();
        List<Slot> schedule = slots.equals("nothing") ? List.of()
                : Arrays.stream(slots.split(",")).map(String::trim).map(slot -> slot(slot, standings)).toList();
        Map<UUID, String> titles = new HashMap<>();
        schedule.forEach(slot -> titles.put(slot.id, slot.title));

        List<Finding> found = Finding.of(at(0), at(100), schedule, standings, CHANNEL_TERRITORIES);

        assertThat(found.stream().map(finding -> finding.reason()
                + (finding.slotId() == null ? "" : " " + titles.get(finding.slotId()))
                + " " + minute(finding.start()) + "-" + minute(finding.end())).toList(),
                equalTo(findings.equals("nothing") ? List.of() : Arrays.stream(findings.split(";")).map(String::trim).toList()));
    }

    @Test
    void aGapNamesNoSlotAndABrokenRuleNamesTheSlotAndItsContent() {
        Map<UUID, ContentStanding> standings = new HashMap<>();
        Slot retired = slot("A 50-100 retired", standings);

        List<Finding> found = Finding.of(at(0), at(100), List.of(retired), standings, CHANNEL_TERRITORIES);

        assertThat(found, contains(
                new Finding(null, Finding.Reason.GAP, at(0), at(50), null, "nothing is scheduled"),
                new Finding(retired.id, Finding.Reason.CONTENT_NOT_APPROVED, at(50), at(100), retired.contentId,
                        "the content is RETIRED")));
    }

    private static Slot slot(String text, Map<UUID, ContentStanding> standings) {
        String[] words = text.split("\\s+");
        int dash = words[1].indexOf('-', 1);
        List<String> standing = List.of(words[2].split("\\+"));
        ContentItem item = new ContentItem(UUID.randomUUID(), UUID.randomUUID(), ContentKind.PROGRAMME, words[0],
                standing.contains("retired") ? ContentStatus.RETIRED : ContentStatus.APPROVED, 3_600, null, null, "ALL_AGES", at(-1_000),
                standing.contains("expired") ? at(35) : null,
                standing.contains("territory") ? List.of("SG") : List.of("SG", "MY"), 0);
        Slot slot = Slot.of(UUID.randomUUID(), item, SlotKind.PROGRAMME, at(Integer.parseInt(words[1].substring(0, dash))),
                at(Integer.parseInt(words[1].substring(dash + 1))), false);
        standings.put(slot.contentId,
                new ContentStanding(slot.contentId, standing.contains("hidden") ? null : item, !standing.contains("inactive")));
        return slot;
    }

    private static Instant at(int minute) {
        return T0.plus(Duration.ofMinutes(minute));
    }

    private static long minute(Instant instant) {
        return ChronoUnit.MINUTES.between(T0, instant);
    }
}

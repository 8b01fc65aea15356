package io.syndication.schedule.slot;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.syndication.schedule.content.ContentItem;
import io.syndication.schedule.content.ContentStanding;
import io.syndication.schedule.content.ContentKind;
import io.syndication.schedule.content.ContentStatus;
import io.syndication.schedule.slot.SlotPlacement.Breach;

/**
 * The placement rules as a pure rule: what content-service says of an item, a slot and the
 * channel's territories in, the broken rules out. Times are hours after {@link #T0}; a rights
 * window {@code 10-open} has no end; {@code none} as the status means content-service shows no item.
 */
class SlotPlacementTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # behaviour                                             | status    | rights  | item territories | partner  | slot        | channel territories | breaches
            approved, licensed, everywhere the channel is, active   | APPROVED  | 10-100  | SG MY            | ACTIVE   | 20-21       | SG MY               | nothing
            a channel seen in fewer territories than licensed       | APPROVED  | 10-100  | SG MY TH         | ACTIVE   | 20-21       | MY                  | nothing
            a channel with no territories                           | APPROVED  | 10-100  | SG               | ACTIVE   | 20-21       | nothing             | nothing
            an item content-service does not show                   | none      | 10-100  | SG               | ACTIVE   | 20-21       | SG                  | CONTENT_NOT_APPROVED
            an item content-service does not show, partner inactive | none      | 10-100  | SG               | INACTIVE | 20-21       | SG                  | CONTENT_NOT_APPROVED
            a submitted item                                        | SUBMITTED | 10-100  | SG               | ACTIVE   | 20-21       | SG                  | CONTENT_NOT_APPROVED
            a retired item                                          | RETIRED   | 10-100  | SG               | ACTIVE   | 20-21       | SG                  | CONTENT_NOT_APPROVED
            a slot starting exactly as the rights start             | APPROVED  | 10-100  | SG               | ACTIVE   | 10-11       | SG                  | nothing
            a slot ending exactly as the rights end                 | APPROVED  | 10-100  | SG               | ACTIVE   | 99-100      | SG                  | nothing
            a slot exactly as long as the rights                    | APPROVED  | 10-100  | SG               | ACTIVE   | 10-100      | SG                  | nothing
            a slot starting before the rights                       | APPROVED  | 10-100  | SG               | ACTIVE   | 9-11        | SG                  | RIGHTS_WINDOW
            a slot ending after the rights                          | APPROVED  | 10-100  | SG               | ACTIVE   | 99-101      | SG                  | RIGHTS_WINDOW
            a slot wholly after the rights                          | APPROVED  | 10-100  | SG               | ACTIVE   | 200-201     | SG                  | RIGHTS_WINDOW
            a slot spanning the rights                              | APPROVED  | 10-100  | SG               | ACTIVE   | 0-200       | SG                  | RIGHTS_WINDOW
            rights without an end cover any later slot              | APPROVED  | 10-open | SG               | ACTIVE   | 90000-90001 | SG                  | nothing
            rights without an end still have a start                | APPROVED  | 10-open | SG               | ACTIVE   | 9-10        | SG                  | RIGHTS_WINDOW
            a channel territory the item is not licensed for        | APPROVED  | 10-100  | SG MY            | ACTIVE   | 20-21       | SG TH               | TERRITORY_MISMATCH
            an inactive partner                                     | APPROVED  | 10-100  | SG               | INACTIVE | 20-21       | SG                  | PARTNER_INACTIVE
            every rule broken, each once, in order                  | RETIRED   | 10-100  | SG               | INACTIVE | 0-1         | SG TH ID            | CONTENT_NOT_APPROVED RIGHTS_WINDOW TERRITORY_MISMATCH PARTNER_INACTIVE
            """)
    void eachBrokenRuleIsOneBreach(String behaviour, String status, String rights, String itemTerritories, String partner,
            String slot, String channelTerritories, String breaches) {
        ContentStanding standing = standing(status, rights, itemTerritories, partner);
        TableRange placed = TableRange.parse(slot, T0, ChronoUnit.HOURS);
        List<Breach> found = SlotPlacement.breaches(standing, placed.start(), placed.end(), words(channelTerritories));
        assertThat(found.stream().map(breach -> breach.rule().name()).toList(), equalTo(words(breaches)));
    }

    @Test
    void anItemContentServiceDoesNotShowIsNamed() {
        ContentStanding standing = new ContentStanding(UUID.fromString("5b0f9d2e-8c1a-4a9e-9f57-3f2b1d6c7e80"), null, true);
        assertThat(SlotPlacement.breaches(standing, hour(20), hour(21), List.of("SG")), contains(new Breach(
                SlotPlacement.Rule.CONTENT_NOT_APPROVED, "no APPROVED content item 5b0f9d2e-8c1a-4a9e-9f57-3f2b1d6c7e80 exists")));
    }

    @Test
    void eachBreachSaysWhatIsWrong() {
        List<Breach> found = SlotPlacement.breaches(standing("RETIRED", "10-100", "SG MY", "INACTIVE"), hour(99), hour(101),
                List.of("TH", "SG", "ID"));
        assertThat(found, contains(
                new Breach(SlotPlacement.Rule.CONTENT_NOT_APPROVED, "the content is RETIRED"),
                new Breach(SlotPlacement.Rule.RIGHTS_WINDOW,
                        "the rights window [2026-12-01T10:00:00Z, 2026-12-05T04:00:00Z) does not cover the slot"),
                new Breach(SlotPlacement.Rule.TERRITORY_MISMATCH, "the content is not licensed for [TH, ID]"),
                new Breach(SlotPlacement.Rule.PARTNER_INACTIVE, "the content's partner is not active")));
    }

    @Test
    void rightsWithoutAnEndAreSaidToBeOpen() {
        List<Breach> found = SlotPlacement.breaches(standing("APPROVED", "10-open", "SG", "ACTIVE"), hour(0), hour(1),
                List.of("SG"));
        assertThat(found, contains(new Breach(SlotPlacement.Rule.RIGHTS_WINDOW,
                "the rights window [2026-12-01T10:00:00Z, open) does not cover the slot")));
    }

    @Test
    void theRightsWindowIsHalfOpenToTheSecond() {
        ContentItem item = item("APPROVED", hour(10), hour(100).minusSeconds(1), List.of("SG"));
        assertThat(SlotPlacement.licensed(item, hour(99), hour(100)), equalTo(false));
        assertThat(SlotPlacement.licensed(item, hour(99), hour(100).minusSeconds(1)), equalTo(true));
        assertThat(SlotPlacement.breaches(new ContentStanding(item.id(), item, true), hour(20), hour(21),
                List.of("SG")), empty());
    }

    private static ContentStanding standing(String status, String rights, String territories, String partner) {
        String[] window = rights.split("-");
        ContentItem item = status.equals("none") ? null
                : item(status, hour(Integer.parseInt(window[0])),
                        window[1].equals("open") ? null : hour(Integer.parseInt(window[1])), words(territories));
        return new ContentStanding(UUID.randomUUID(), item, partner.equals("ACTIVE"));
    }

    private static ContentItem item(String status, Instant availableFrom, Instant availableUntil, List<String> territories) {
        return new ContentItem(UUID.randomUUID(), UUID.randomUUID(), ContentKind.PROGRAMME, "Harbour Lights",
                ContentStatus.valueOf(status), 3_600, null, null, "ALL_AGES", availableFrom, availableUntil, territories, 0);
    }

    private static List<String> words(String text) {
        return text.equals("nothing") ? List.of() : Arrays.asList(text.split("\\s+"));
    }

    private static Instant hour(int hours) {
        return T0.plus(hours, ChronoUnit.HOURS);
    }
}

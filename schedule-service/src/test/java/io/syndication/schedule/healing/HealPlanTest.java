package io.syndication.schedule.healing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.channel.HealingPolicy;
import io.syndication.schedule.content.ContentItem;
import io.syndication.schedule.content.ContentKind;
import io.syndication.schedule.content.ContentStatus;
import io.syndication.schedule.slot.Finding;
import io.syndication.schedule.slot.ScheduleChange;
import io.syndication.schedule.slot.Slot;
import io.syndication.schedule.slot.SlotKind;

/** How a channel heals, as a pure rule: affected slots in, heals and schedule changes out. Minutes from 00:00. */
class HealPlanTest {

    private static final Instant DAY = Instant.parse("2026-12-07T00:00:00Z");
    private static final Cause RETIRED = new Cause("0b9c6e0a-2f7d-4e53-8c1a-6d2e9f3b4a57", "content.retired", Instant.parse("2026-12-06T12:00:00Z"));

    private static Instant at(int minutes) {
        return DAY.plusSeconds(minutes * 60L);
    }

    private static Channel channel(HealingPolicy healing) {
        Channel channel = new Channel();
        channel.id = UUID.randomUUID();
        channel.slug = "news-247.apac.example";
        channel.territories = List.of("SG");
        channel.fillerContentIds = List.of();
        channel.healing = healing;
        return channel;
    }

    private static ContentItem item(String title, int minutes, Instant until) {
        return new ContentItem(UUID.randomUUID(), UUID.randomUUID(), ContentKind.CLIP, title, ContentStatus.APPROVED,
                minutes * 60, null, null, "ALL_AGES", Instant.parse("2026-01-01T00:00:00Z"), until, List.of("SG"), 0);
    }

    private static HealPlan.Affected affected(Channel channel, int from, int to) {
        Slot slot = Slot.of(channel.id, item("Retired", to - from, null), SlotKind.PROGRAMME, at(from), at(to), false);
        slot.version = 4;
        return new HealPlan.Affected(slot, Finding.Reason.CONTENT_NOT_APPROVED, "the content is RETIRED");
    }

    private static List<String> changes(HealPlan.Planned planned) {
        return planned.changes().stream().map(change -> change.change() + " " + minutes(change.slot().startAt) + "-"
                + minutes(change.slot().endAt) + (change.slot().cut ? " cut" : "")).toList();
    }

    private static long minutes(Instant instant) {
        return (instant.getEpochSecond() - DAY.getEpochSecond()) / 60;
    }

    @Test
    void aSlotNotYetOnAirIsRemovedAndItsTimeFilledWithTheLastFillerCutToFit() {
        Channel channel = channel(HealingPolicy.FILL);
        HealPlan.Affected retired = affected(channel, 60, 85);
        HealPlan.Planned planned = HealPlan.of(channel, List.of(retired), List.of(item("Market Minute", 10, null)), at(0), RETIRED);

        assertThat(changes(planned), contains("REMOVED 60-85", "ADDED 60-70", "ADDED 70-80", "ADDED 80-85 cut"));
        Heal heal = planned.heals().get(0);
        assertThat(heal.action(), equalTo(Heal.Action.FILLED));
        assertThat(heal.slotId(), equalTo(retired.slot().id));
        assertThat(heal.freedFrom(), equalTo(at(60)));
        assertThat(heal.replacements().stream().map(Heal.Replacement::cut).toList(), contains(false, false, true));
        assertThat(heal.eventId(), equalTo(RETIRED.eventId()));
        assertThat(heal.reason(), equalTo(Finding.Reason.CONTENT_NOT_APPROVED));
        // the removal is checked against the version read
        assertThat(planned.changes().get(0).slot().version, equalTo(4L));
    }

    @Test
    void aSlotOnAirIsCutAtTheMomentOfHealingAndTheRestFilled() {
        Channel channel = channel(HealingPolicy.FILL);
        HealPlan.Planned planned = HealPlan.of(channel, List.of(affected(channel, 60, 90)),
                List.of(item("Market Minute", 10, null)), at(75), RETIRED);
        assertThat(changes(planned), contains("TRIMMED 60-75 cut", "ADDED 75-85", "ADDED 85-90 cut"));
        assertThat(planned.heals().get(0).freedFrom(), equalTo(at(75)));
        assertThat(planned.heals().get(0).slotStart(), equalTo(at(60)));
        assertThat(planned.heals().get(0).slotEnd(), equalTo(at(90)));
    }

    @Test
    void theRotationGoesOnFromOneHealedSlotToTheNext() {
        Channel channel = channel(HealingPolicy.FILL);
        ContentItem first = item("First", 10, null);
        ContentItem second = item("Second", 10, null);
        HealPlan.Planned planned = HealPlan.of(channel, List.of(affected(channel, 0, 10), affected(channel, 30, 50)),
                List.of(first, second), at(0), RETIRED);
        assertThat(planned.heals().stream().flatMap(heal -> heal.replacements().stream()).map(Heal.Replacement::title).toList(),
                contains("First", "Second", "First"));
    }

    @Test
    void withNoFillerTheTimeIsLeftAGap() {
        Channel channel = channel(HealingPolicy.FILL);
        HealPlan.Planned planned = HealPlan.of(channel, List.of(affected(channel, 60, 90)), List.of(), at(0), RETIRED);
        assertThat(changes(planned), contains("REMOVED 60-90"));
        assertThat(planned.heals().get(0).action(), equalTo(Heal.Action.CLEARED));
        assertThat(planned.heals().get(0).replacements(), empty());
    }

    @Test
    void aFillerFillsOnlyWhileItsRightsLast() {
        Channel channel = channel(HealingPolicy.FILL);
        HealPlan.Planned planned = HealPlan.of(channel, List.of(affected(channel, 60, 90)),
                List.of(item("Expiring", 10, at(75))), at(0), RETIRED);
        assertThat(changes(planned), contains("REMOVED 60-90", "ADDED 60-70", "ADDED 70-75 cut"));
        assertThat(planned.heals().get(0).action(), equalTo(Heal.Action.FILLED));
    }

    @Test
    void underFlagTheSlotStaysAndNothingChanges() {
        Channel channel = channel(HealingPolicy.FLAG);
        HealPlan.Planned planned = HealPlan.of(channel, List.of(affected(channel, 60, 90)),
                List.of(item("Market Minute", 10, null)), at(70), RETIRED);
        assertThat(planned.changes(), empty());
        assertThat(planned.heals().get(0).action(), equalTo(Heal.Action.FLAGGED));
        assertThat(planned.heals().get(0).freedFrom(), nullValue());
        assertThat(planned.heals().get(0).replacements(), empty());
    }

    @Test
    void everyChangeIsOfTheChannel() {
        Channel channel = channel(HealingPolicy.FILL);
        HealPlan.Planned planned = HealPlan.of(channel, List.of(affected(channel, 0, 30)), List.of(item("Filler", 10, null)),
                at(0), RETIRED);
        assertThat(planned.changes().stream().map(ScheduleChange::slot).allMatch(slot -> slot.channelId.equals(channel.id)),
                equalTo(true));
    }
}

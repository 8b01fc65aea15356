package io.syndication.schedule.slot;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.syndication.schedule.content.ContentItem;
import io.syndication.schedule.content.ContentKind;
import io.syndication.schedule.content.ContentStatus;

/** The filler rotation as a pure rule: gaps in, slots out. */
class FillerRotationTest {

    private static final Instant DAY = Instant.parse("2026-12-01T00:00:00Z");

    private static ContentItem filler(int seconds, Instant until) {
        return new ContentItem(UUID.randomUUID(), UUID.randomUUID(), ContentKind.CLIP, "Filler " + seconds,
                ContentStatus.APPROVED, seconds, null, null, "ALL_AGES", Instant.parse("2026-01-01T00:00:00Z"), until, List.of("SG"), 0);
    }

    @Test
    void fillersRotateBackToBackAndTheLastIsCutToTheGap() {
        List<Slot> slots = new FillerRotation(UUID.randomUUID(), List.of(filler(600, null), filler(300, null)))
                .fill(List.of(new Coverage.Gap(DAY, DAY.plusSeconds(1_400))), 100);
        assertThat(slots.stream().map(slot -> slot.startAt.getEpochSecond() - DAY.getEpochSecond()).toList(),
                contains(0L, 600L, 900L));
        assertThat(slots.stream().map(slot -> slot.cut).toList(), contains(false, false, true));
        assertThat(slots.get(2).endAt, equalTo(DAY.plusSeconds(1_400)));
    }

    @Test
    void aFillerWhoseRightsEndSoonerIsCutThere() {
        List<Slot> slots = new FillerRotation(UUID.randomUUID(), List.of(filler(600, DAY.plusSeconds(100))))
                .fill(List.of(new Coverage.Gap(DAY, DAY.plusSeconds(600))), 100);
        assertThat(slots.size(), equalTo(1));
        assertThat(slots.get(0).endAt, equalTo(DAY.plusSeconds(100)));
        assertThat(slots.get(0).cut, equalTo(true));
    }

    @Test
    void noMoreThanOneSlotPastTheLimitIsEverBuilt() {
        // a one-second filler over 31 days would be 2,678,400 slots
        List<Slot> slots = new FillerRotation(UUID.randomUUID(), List.of(filler(1, null)))
                .fill(List.of(new Coverage.Gap(DAY, DAY.plusSeconds(31L * 86_400))), 1_000);
        assertThat(slots.size(), equalTo(1_001));
    }

    @Test
    void exactlyTheLimitIsAllowed() {
        List<Slot> slots = new FillerRotation(UUID.randomUUID(), List.of(filler(60, null)))
                .fill(List.of(new Coverage.Gap(DAY, DAY.plusSeconds(60L * 1_000))), 1_000);
        assertThat(slots.size(), equalTo(1_000));
    }
}

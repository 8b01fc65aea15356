package io.syndication.schedule.slot;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A slot's id: a version 7 UUID, in time order as PostgreSQL orders uuids (their bytes, unsigned). */
class SlotIdTest {

    private static final long MILLIS = Instant.parse("2026-12-07T15:30:00.123Z").toEpochMilli();

    private static final int IDS = 10_000;

    @Test
    void anIdIsAVersion7UuidHoldingTheMillisecondItWasMadeIn() {
        UUID id = Slot.idAt(MILLIS);

        assertThat(id.version(), equalTo(7));
        assertThat(id.variant(), equalTo(2));
        assertThat(id.getMostSignificantBits() >>> 16, equalTo(MILLIS));
    }

    @Test
    void anIdMadeInALaterMillisecondSortsAfterAnyMadeInAnEarlierOne() {
        for (int i = 0; i < IDS; i++) {
            UUID earlier = Slot.idAt(MILLIS);
            UUID later = Slot.idAt(MILLIS + 1);

            assertThat(Long.compareUnsigned(earlier.getMostSignificantBits(), later.getMostSignificantBits()), lessThan(0));
        }
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < IDS; i++) {
            ids.add(Slot.idAt(MILLIS));
        }

        assertThat(ids.size(), equalTo(IDS));
    }
}

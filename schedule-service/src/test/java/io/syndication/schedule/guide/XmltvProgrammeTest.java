package io.syndication.schedule.guide;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.slot.Slot;
import io.syndication.schedule.slot.SlotKind;

/** XMLTV's programmes and header as pure text: times in the channel's own offset, children in the DTD's order. */
class XmltvProgrammeTest {

    @ParameterizedTest(name = "{0}: {1} to {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # zone           | start (UTC)          | end (UTC)            | start                | stop
            UTC              | 2026-12-14T23:30:00Z | 2026-12-15T00:15:00Z | 20261214233000 +0000 | 20261215001500 +0000
            Asia/Kolkata     | 2026-12-14T18:30:00Z | 2026-12-14T19:00:00Z | 20261215000000 +0530 | 20261215003000 +0530
            Asia/Kathmandu   | 2026-12-14T18:15:00Z | 2026-12-14T18:45:30Z | 20261215000000 +0545 | 20261215003030 +0545
            America/St_Johns | 2026-12-15T03:00:00Z | 2026-12-15T04:00:00Z | 20261214233000 -0330 | 20261215003000 -0330
            Australia/Sydney | 2026-12-14T13:00:00Z | 2026-12-14T14:00:00Z | 20261215000000 +1100 | 20261215010000 +1100
            Australia/Sydney | 2026-10-03T15:30:00Z | 2026-10-03T16:30:00Z | 20261004013000 +1000 | 20261004033000 +1100
            Australia/Sydney | 2026-04-04T15:30:00Z | 2026-04-04T16:30:00Z | 20260405023000 +1100 | 20260405023000 +1000
            """)
    void startAndStopAreLocalTimesWithTheChannelsOffsetThen(String zone, Instant start, Instant end, String expectedStart,
            String expectedStop) {
        String xml = Xmltv.programme(window(zone), slot(SlotKind.PROGRAMME, "Harbour Lights", start, end));
        assertThat(xml.lines().findFirst().orElseThrow(),
                equalTo("  <programme start=\"" + expectedStart + "\" stop=\"" + expectedStop + "\" channel=\"harbour-tv\">"));
    }

    @Test
    void aLiveEventIsCategorisedLiveBetweenItsTitleAndRating() {
        String xml = programme("Asia/Kolkata", SlotKind.LIVE, "Tom & Jerry <Final>", "2026-12-14T18:30:00Z", "2026-12-14T21:00:00Z");
        assertThat(xml, equalTo("""
                  <programme start="20261215000000 +0530" stop="20261215023000 +0530" channel="harbour-tv">
                    <title>Tom &amp; Jerry &lt;Final&gt;</title>
                    <category lang="en">Live</category>
                    <rating system="syndication.example">
                      <value>PG</value>
                    </rating>
                  </programme>
                """));
    }

    @Test
    void aProgrammeOrFillerHasNoCategory() {
        for (SlotKind kind : List.of(SlotKind.PROGRAMME, SlotKind.FILLER)) {
            String xml = programme("Asia/Kathmandu", kind, "Harbour Lights", "2026-12-14T18:15:00Z", "2026-12-14T18:45:00Z");
            assertThat(kind.name(), xml, equalTo("""
                      <programme start="20261215000000 +0545" stop="20261215003000 +0545" channel="harbour-tv">
                        <title>Harbour Lights</title>
                        <rating system="syndication.example">
                          <value>PG</value>
                        </rating>
                      </programme>
                    """));
        }
    }

    @Test
    void theHeaderIsDatedInUtcAndListsEveryChannelFirst() {
        Channel second = HarbourTv.in("Asia/Kathmandu");
        second.slug = "k&k";
        second.name = "K & K <Nepal>";
        GuideWindow kathmandu = new GuideWindow(second, ZoneId.of("Asia/Kathmandu"), null, null);
        String head = Xmltv.head(List.of(window("Asia/Kolkata"), kathmandu), Instant.parse("2026-12-14T18:30:05Z"));
        assertThat(head, equalTo("""
                <?xml version="1.0" encoding="UTF-8"?>
                <tv date="20261214183005 +0000" source-info-name="Partner content syndication platform" \
                generator-info-name="schedule-service">
                  <channel id="harbour-tv">
                    <display-name>Harbour TV</display-name>
                  </channel>
                  <channel id="k&amp;k">
                    <display-name>K &amp; K &lt;Nepal&gt;</display-name>
                  </channel>
                """));
    }

    private static GuideWindow window(String zone) {
        return GuideWindow.between(HarbourTv.in(zone), Instant.parse("2026-12-14T00:00:00Z"), Instant.parse("2026-12-16T00:00:00Z"));
    }

    /** The programme element of a slot of {@code kind} from {@code start} to {@code end} (UTC) on a channel in {@code zone}. */
    private static String programme(String zone, SlotKind kind, String title, String start, String end) {
        return Xmltv.programme(window(zone), slot(kind, title, Instant.parse(start), Instant.parse(end)));
    }

    private static Slot slot(SlotKind kind, String title, Instant start, Instant end) {
        Slot slot = new Slot();
        slot.id = UUID.randomUUID();
        slot.kind = kind;
        slot.title = title;
        slot.ageRating = "PG";
        slot.startAt = start;
        slot.endAt = end;
        return slot;
    }
}

package io.syndication.schedule.guide;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.slot.SlotTable;

/** The local days a guide covers, in the channel's own zone, as a pure rule. */
class GuideWindowTest {

    /** Any instant: a date is given, so today does not matter. */
    private static final Instant NOW = Instant.parse("2026-06-15T12:00:00Z");

    @ParameterizedTest(name = "{0}: {1} for {2} days")
    @CsvSource(delimiter = '|', textBlock = """
            # zone           | date       | days | from                   | to                     | hours
            UTC              | 2026-12-14 | 1    | 2026-12-14T00:00Z      | 2026-12-15T00:00Z      | 24
            Australia/Sydney | 2026-12-14 | 1    | 2026-12-14T00:00+11:00 | 2026-12-15T00:00+11:00 | 24
            Australia/Sydney | 2026-07-01 | 1    | 2026-07-01T00:00+10:00 | 2026-07-02T00:00+10:00 | 24
            Australia/Sydney | 2026-10-04 | 1    | 2026-10-04T00:00+10:00 | 2026-10-05T00:00+11:00 | 23
            Australia/Sydney | 2026-10-03 | 1    | 2026-10-03T00:00+10:00 | 2026-10-04T00:00+10:00 | 24
            Australia/Sydney | 2026-10-05 | 1    | 2026-10-05T00:00+11:00 | 2026-10-06T00:00+11:00 | 24
            Australia/Sydney | 2026-04-05 | 1    | 2026-04-05T00:00+11:00 | 2026-04-06T00:00+10:00 | 25
            Australia/Sydney | 2026-04-04 | 2    | 2026-04-04T00:00+11:00 | 2026-04-06T00:00+10:00 | 49
            Australia/Sydney | 2026-10-01 | 7    | 2026-10-01T00:00+10:00 | 2026-10-08T00:00+11:00 | 167
            Australia/Sydney | 2026-04-01 | 7    | 2026-04-01T00:00+11:00 | 2026-04-08T00:00+10:00 | 169
            Australia/Sydney | 2026-03-20 | 31   | 2026-03-20T00:00+11:00 | 2026-04-20T00:00+10:00 | 745
            Asia/Kolkata     | 2026-12-14 | 1    | 2026-12-14T00:00+05:30 | 2026-12-15T00:00+05:30 | 24
            Asia/Kolkata     | 2026-12-14 | 7    | 2026-12-14T00:00+05:30 | 2026-12-21T00:00+05:30 | 168
            Asia/Kathmandu   | 2026-12-14 | 1    | 2026-12-14T00:00+05:45 | 2026-12-15T00:00+05:45 | 24
            Asia/Kathmandu   | 2026-12-14 | 31   | 2026-12-14T00:00+05:45 | 2027-01-14T00:00+05:45 | 744
            America/St_Johns | 2026-03-08 | 1    | 2026-03-08T00:00-03:30 | 2026-03-09T00:00-02:30 | 23
            America/Havana   | 2026-03-08 | 1    | 2026-03-08T01:00-04:00 | 2026-03-09T00:00-04:00 | 23
            America/Havana   | 2026-03-07 | 1    | 2026-03-07T00:00-05:00 | 2026-03-08T01:00-04:00 | 24
            """)
    void aGuideRunsFromLocalMidnightToLocalMidnightInTheChannelsZone(String zone, LocalDate date, int days, String from,
            String to, long hours) {
        GuideWindow window = GuideWindow.ofDays(HarbourTv.in(zone), date, days, NOW);
        assertThat(window.zone(), equalTo(ZoneId.of(zone)));
        assertThat(window.from().toOffsetDateTime(), equalTo(OffsetDateTime.parse(from)));
        assertThat(window.to().toOffsetDateTime(), equalTo(OffsetDateTime.parse(to)));
        assertThat(ChronoUnit.HOURS.between(window.from(), window.to()), equalTo(hours));
    }

    /** Lord Howe Island moves its clocks by half an hour: its changing days are 23.5 and 24.5 hours long. */
    @ParameterizedTest(name = "Lord Howe: {0} for {1} days")
    @CsvSource(delimiter = '|', textBlock = """
            # date     | days | from                   | to                     | minutes
            2026-12-14 | 1    | 2026-12-14T00:00+11:00 | 2026-12-15T00:00+11:00 | 1440
            2026-07-01 | 1    | 2026-07-01T00:00+10:30 | 2026-07-02T00:00+10:30 | 1440
            2026-10-04 | 1    | 2026-10-04T00:00+10:30 | 2026-10-05T00:00+11:00 | 1410
            2026-04-05 | 1    | 2026-04-05T00:00+11:00 | 2026-04-06T00:00+10:30 | 1470
            2026-10-01 | 7    | 2026-10-01T00:00+10:30 | 2026-10-08T00:00+11:00 | 10050
            """)
    void lordHowesDaysAreHalfAnHourShortOrLongAroundItsChanges(LocalDate date, int days, String from, String to,
            long minutes) {
        GuideWindow window = GuideWindow.ofDays(HarbourTv.in("Australia/Lord_Howe"), date, days, NOW);
        assertThat(window.from().toOffsetDateTime(), equalTo(OffsetDateTime.parse(from)));
        assertThat(window.to().toOffsetDateTime(), equalTo(OffsetDateTime.parse(to)));
        assertThat(ChronoUnit.MINUTES.between(window.from(), window.to()), equalTo(minutes));
    }

    @ParameterizedTest(name = "{0} at {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # zone           | now                  | today
            UTC              | 2026-12-14T23:59:59Z | 2026-12-14
            Asia/Kolkata     | 2026-12-14T18:29:59Z | 2026-12-14
            Asia/Kolkata     | 2026-12-14T18:30:00Z | 2026-12-15
            Asia/Kathmandu   | 2026-12-14T18:14:59Z | 2026-12-14
            Asia/Kathmandu   | 2026-12-14T18:15:00Z | 2026-12-15
            Australia/Sydney | 2026-10-03T13:59:59Z | 2026-10-03
            Australia/Sydney | 2026-10-03T14:00:00Z | 2026-10-04
            America/St_Johns | 2026-12-15T03:29:59Z | 2026-12-14
            """)
    void withoutADateTheGuideIsOfTodayInTheChannelsZone(String zone, Instant now, LocalDate today) {
        GuideWindow window = GuideWindow.ofDays(HarbourTv.in(zone), null, 1, now);
        assertThat(window.from(), equalTo(today.atStartOfDay(ZoneId.of(zone))));
        assertThat(window.to(), equalTo(today.plusDays(1).atStartOfDay(ZoneId.of(zone))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # zone           | from                 | to                   | local from             | local to
            Asia/Kolkata     | 2026-12-14T00:00:00Z | 2026-12-15T00:00:00Z | 2026-12-14T05:30+05:30 | 2026-12-15T05:30+05:30
            Asia/Kathmandu   | 2026-12-14T00:00:00Z | 2026-12-14T06:00:00Z | 2026-12-14T05:45+05:45 | 2026-12-14T11:45+05:45
            Australia/Sydney | 2026-10-03T15:00:00Z | 2026-10-03T17:00:00Z | 2026-10-04T01:00+10:00 | 2026-10-04T04:00+11:00
            """)
    void aWindowBetweenInstantsIsShownInTheChannelsOffsets(String zone, Instant from, Instant to, String localFrom,
            String localTo) {
        GuideWindow window = GuideWindow.between(HarbourTv.in(zone), from, to);
        assertThat(window.from().toOffsetDateTime(), equalTo(OffsetDateTime.parse(localFrom)));
        assertThat(window.to().toOffsetDateTime(), equalTo(OffsetDateTime.parse(localTo)));
    }

    @Test
    void theSlotsReadAreThoseOfTheChannelOverTheWindowsInstants() {
        Channel sydney = HarbourTv.in("Australia/Sydney");
        SlotTable.Window slots = GuideWindow.ofDays(sydney, LocalDate.parse("2026-10-04"), 1, NOW).slots();
        assertThat(slots, equalTo(new SlotTable.Window(sydney.id, Instant.parse("2026-10-03T14:00:00Z"),
                Instant.parse("2026-10-04T13:00:00Z"))));
    }
}

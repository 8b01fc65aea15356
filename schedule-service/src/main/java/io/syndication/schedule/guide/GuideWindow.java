package io.syndication.schedule.guide;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.slot.SlotTable;

/**
 * The stretch of one channel's schedule a guide covers. Asked as local days, it runs from midnight
 * of {@code date} to midnight {@code days} later in the channel's own zone: around a
 * daylight-saving change a day is 23 or 25 hours long, and where midnight does not exist that day
 * the day starts at the first instant that does.
 */
public record GuideWindow(Channel channel, ZoneId zone, ZonedDateTime from, ZonedDateTime to) {

    /** {@code date} null: today in the channel's zone. */
    public static GuideWindow ofDays(Channel channel, LocalDate date, int days, Instant now) {
        ZoneId zone = ZoneId.of(channel.timeZone);
        LocalDate first = date != null ? date : LocalDate.ofInstant(now, zone);
        return new GuideWindow(channel, zone, first.atStartOfDay(zone), first.plusDays(days).atStartOfDay(zone));
    }

    public static GuideWindow between(Channel channel, Instant from, Instant to) {
        ZoneId zone = ZoneId.of(channel.timeZone);
        return new GuideWindow(channel, zone, from.atZone(zone), to.atZone(zone));
    }

    SlotTable.Window slots() {
        return new SlotTable.Window(channel.id, from.toInstant(), to.toInstant());
    }
}

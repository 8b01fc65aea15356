package io.syndication.schedule.guide;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import io.smallrye.mutiny.Multi;
import io.syndication.http.ProblemException;
import io.syndication.http.validation.OnTheCalendar;

/** What the JSON and XMLTV guides share: local days asked for, and a document streamed in chunks. */
final class Guides {

    /** Programmes written per chunk: few enough writes, small enough chunks. */
    static final int PROGRAMMES_PER_CHUNK = 256;

    private Guides() {
    }

    static LocalDate localDate(String date) {
        try {
            LocalDate day = date == null ? null : LocalDate.parse(date);
            if (day != null && (day.isBefore(LocalDate.ofInstant(OnTheCalendar.EARLIEST, ZoneOffset.UTC))
                    || day.isAfter(LocalDate.ofInstant(OnTheCalendar.LATEST, ZoneOffset.UTC)))) {
                throw ProblemException.invalidField("date", "must lie between 1970 and 9999");
            }
            return day;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("date", "must be a date such as 2026-12-14");
        }
    }

    static Multi<String> concat(String head, Multi<String> body, String tail) {
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(head), body, Multi.createFrom().item(tail));
    }

}

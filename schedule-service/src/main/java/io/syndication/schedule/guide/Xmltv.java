package io.syndication.schedule.guide;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.syndication.schedule.slot.Slot;
import io.syndication.schedule.slot.SlotKind;

/**
 * The guide as XMLTV, valid against the XMLTV DTD: channels first, then programmes, each with
 * {@code start} and {@code stop} as {@code YYYYMMDDhhmmss +hhmm} in its channel's own offset
 * (+0530, +0545 and daylight saving included), children in the DTD's order, no empty element.
 */
final class Xmltv {

    static final String MEDIA_TYPE = "application/xml";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss Z", Locale.ROOT);
    /** Rating values are the platform's own age ratings, not a national scheme. */
    private static final String RATING_SYSTEM = "syndication.example";

    static final String TAIL = "</tv>\n";

    private Xmltv() {
    }

    static String head(List<GuideWindow> windows, Instant generated) {
        StringBuilder xml = new StringBuilder(256 + 128 * windows.size())
                .append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<tv date=\"").append(TIME.format(generated.atOffset(ZoneOffset.UTC)))
                .append("\" source-info-name=\"Partner content syndication platform\" generator-info-name=\"schedule-service\">\n");
        for (GuideWindow window : windows) {
            xml.append("  <channel id=\"").append(escape(window.channel().slug)).append("\">\n")
                    .append("    <display-name>").append(escape(window.channel().name)).append("</display-name>\n")
                    .append("  </channel>\n");
        }
        return xml.toString();
    }

    static String programme(GuideWindow window, Slot slot) {
        StringBuilder xml = new StringBuilder(320)
                .append("  <programme start=\"").append(TIME.format(slot.startAt.atZone(window.zone())))
                .append("\" stop=\"").append(TIME.format(slot.endAt.atZone(window.zone())))
                .append("\" channel=\"").append(escape(window.channel().slug)).append("\">\n")
                .append("    <title>").append(escape(slot.title)).append("</title>\n");
        if (slot.kind == SlotKind.LIVE) {
            // the DTD has no live flag; a category is what XMLTV readers show
            xml.append("    <category lang=\"en\">Live</category>\n");
        }
        return xml.append("    <rating system=\"").append(RATING_SYSTEM).append("\">\n")
                .append("      <value>").append(escape(slot.ageRating)).append("</value>\n")
                .append("    </rating>\n")
                .append("  </programme>\n").toString();
    }

    /** Escapes markup, and drops what XML 1.0 cannot carry at all: most control characters, U+FFFE, U+FFFF, lone surrogates. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    if (allowedInXml(c)) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    /** XML 1.0's Char production; a lone surrogate comes out of codePoints() as itself, and is not one. */
    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}

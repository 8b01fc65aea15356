package io.syndication.schedule.guide;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.schedule.slot.Slot;
import io.syndication.schedule.slot.SlotKind;

/**
 * One channel's guide as JSON: the channel, the local days asked for, and every programme in
 * them, its times in the channel's own offset. Streamed, so it is written piece by piece, not built.
 */
@Schema(description = "One channel's guide over local days in its own time zone")
public record GuideDocument(GuideChannel channel, LocalDate date, int days,
        @Schema(examples = "2026-10-04T00:00:00+10:00") OffsetDateTime from,
        @Schema(examples = "2026-10-05T00:00:00+11:00") OffsetDateTime to,
        List<Programme> programmes) {

    public record GuideChannel(UUID id, String slug, String name, String timeZone) {
    }

    /** A slot as the guide shows it. */
    public record Programme(UUID slotId, UUID contentId, String title, SlotKind kind, OffsetDateTime start,
            OffsetDateTime end, boolean cut, String ageRating) {

        static Programme of(GuideWindow window, Slot slot) {
            return new Programme(slot.id, slot.contentId, slot.title, slot.kind, slot.startAt.atZone(window.zone())
                    .toOffsetDateTime(), slot.endAt.atZone(window.zone()).toOffsetDateTime(), slot.cut, slot.ageRating);
        }
    }

    /** The document without its programmes, to open the stream with. */
    static GuideDocument opening(GuideWindow window, int days) {
        return new GuideDocument(new GuideChannel(window.channel().id, window.channel().slug, window.channel().name,
                window.channel().timeZone), window.from().toLocalDate(), days, window.from().toOffsetDateTime(), window.to().toOffsetDateTime(),
                List.of());
    }
}

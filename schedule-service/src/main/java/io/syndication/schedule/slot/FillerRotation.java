package io.syndication.schedule.slot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.syndication.schedule.content.ContentItem;
import io.syndication.schedule.content.ContentStanding;

/**
 * Fills gaps with a channel's filler items in rotation, each gap back to back from its start. A
 * filler that does not fit the rest of a gap, or whose rights end sooner, is cut (and says so);
 * one not licensed at that moment is passed over for the next. Linear in the slots it makes.
 */
public final class FillerRotation {

    private final UUID channelId;
    private final List<ContentItem> fillers;
    private int next;

    /** {@code fillers} in rotation order, each with a duration, APPROVED and fit for the channel's territories. */
    public FillerRotation(UUID channelId, List<ContentItem> fillers) {
        this.channelId = channelId;
        this.fillers = fillers;
    }

    /**
     * Why the item may not fill on a channel airing in {@code territories}: it is a live event (or has
     * no duration), or breaks a placement rule other than its rights window (which is checked where each
     * filler lands); empty when it may fill.
     */
    public static String unfit(ContentStanding standing, List<String> territories) {
        if (standing.isLive()) {
            return "a live event cannot fill";
        }
        if (standing.item() != null && standing.item().durationSeconds() == null) {
            return "it has no duration";
        }
        List<SlotPlacement.Rule> broken = SlotPlacement.breaches(standing, Instant.MIN, Instant.MIN, territories).stream()
                .map(SlotPlacement.Breach::rule).filter(rule -> rule != SlotPlacement.Rule.RIGHTS_WINDOW).toList();
        return broken.isEmpty() ? "" : broken.toString();
    }

    /**
     * The filler slots for {@code gaps}, but never more than {@code most + 1}: a caller that gets more
     * than {@code most} refuses the fill, and nothing past that is built (a one-second filler over a
     * month would be millions of slots).
     */
    public List<Slot> fill(List<Coverage.Gap> gaps, int most) {
        List<Slot> slots = new ArrayList<>();
        for (Coverage.Gap gap : gaps) {
            Instant cursor = gap.start();
            while (cursor.isBefore(gap.end()) && slots.size() <= most) {
                ContentItem filler = nextLicensedAt(cursor);
                if (filler == null) {
                    cursor = nextLicenceStart(cursor, gap.end());
                    continue;
                }
                Instant whole = cursor.plusSeconds(filler.durationSeconds());
                Instant end = earliest(whole, gap.end(), filler.availableUntil());
                slots.add(Slot.of(channelId, filler, SlotKind.FILLER, cursor, end, end.isBefore(whole)));
                cursor = end;
            }
        }
        return slots;
    }

    private ContentItem nextLicensedAt(Instant at) {
        for (int tried = 0; tried < fillers.size(); tried++) {
            ContentItem filler = fillers.get(next);
            next = (next + 1) % fillers.size();
            if (!at.isBefore(filler.availableFrom()) && (filler.availableUntil() == null || at.isBefore(filler.availableUntil()))) {
                return filler;
            }
        }
        return null;
    }

    /** When the next filler's rights begin, if before {@code limit}; the time in between stays a gap. */
    private Instant nextLicenceStart(Instant after, Instant limit) {
        Instant soonest = limit;
        for (ContentItem filler : fillers) {
            if (filler.availableFrom().isAfter(after) && filler.availableFrom().isBefore(soonest)) {
                soonest = filler.availableFrom();
            }
        }
        return soonest;
    }

    private static Instant earliest(Instant a, Instant b, Instant orNull) {
        Instant earliest = a.isBefore(b) ? a : b;
        return orNull != null && orNull.isBefore(earliest) ? orNull : earliest;
    }
}

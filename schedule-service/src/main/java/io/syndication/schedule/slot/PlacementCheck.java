package io.syndication.schedule.slot;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.syndication.http.ProblemException;
import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.content.ContentCatalogue;
import io.syndication.schedule.content.ContentItem;
import io.syndication.schedule.content.ContentStanding;

/**
 * Whether one content item may air on a channel over a time: asked of content-service before any
 * transaction opens, so that a slow content-service never holds a channel's lock.
 */
@ApplicationScoped
public class PlacementCheck {

    private final ContentCatalogue catalogue;

    PlacementCheck(ContentCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Content that passed the placement rules, and where its slot ends. */
    record Placement(ContentItem item, Instant end) {
    }

    /** The item, once every placement rule holds for {@code [start, endOf(item))}; a 422 naming each one broken. */
    Uni<Placement> checked(Channel channel, UUID contentId, Instant start, Function<ContentItem, Instant> endOf) {
        return catalogue.confirmed(List.of(contentId), channel.territories).map(standings -> {
            ContentStanding standing = standings.get(contentId);
            if (standing.item() == null) {
                throw ScheduleProblems.unplaceable(SlotPlacement.breaches(standing, start, start, channel.territories));
            }
            Instant end = endOf.apply(standing.item());
            List<SlotPlacement.Breach> breaches = SlotPlacement.breaches(standing, start, end, channel.territories);
            if (!breaches.isEmpty()) {
                throw ScheduleProblems.unplaceable(breaches);
            }
            return new Placement(standing.item(), end);
        });
    }

    /** A programme or clip ends when its duration does; a live event where the operator says. */
    static Instant endOf(ContentItem item, Instant start, Instant requestedEnd) {
        if (item.isLive()) {
            if (requestedEnd == null || !requestedEnd.isAfter(start)) {
                throw ProblemException.invalidField("end", "is required for a live event and must be after start");
            }
            return requestedEnd;
        }
        if (requestedEnd != null) {
            throw ProblemException.invalidField("end", "follows from the content's duration; leave it out");
        }
        return start.plus(Duration.ofSeconds(item.durationSeconds()));
    }

    static SlotKind kindOf(ContentItem item) {
        return item.isLive() ? SlotKind.LIVE : SlotKind.PROGRAMME;
    }
}

package io.syndication.schedule.slot;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.syndication.http.PostgresErrors;
import io.syndication.http.ProblemException;
import io.syndication.schedule.content.ContentCatalogue;
import io.syndication.schedule.validation.Windows;

/** Replaces a whole window of a channel's schedule, all or nothing. */
@ApplicationScoped
public class WindowService {

    /** Distinct content items one window may name: each is asked of content-service. */
    static final int MAX_ITEMS_PER_WINDOW = 500;
    /** Slots one window or fill may hold: a month of back-to-back 30-second clips, with room to spare. */
    public static final int MAX_SLOTS = 100_000;

    private final SlotTable table;
    private final ContentCatalogue catalogue;

    WindowService(SlotTable table, ContentCatalogue catalogue) {
        this.table = table;
        this.catalogue = catalogue;
    }

    /**
     * Replaces everything in {@code [from, to)} with {@code planned} (see {@link WindowPlan}); no
     * slot already there may cross the window's edges (409).
     */
    public Uni<List<Slot>> replace(UUID channelId, Instant from, Instant to, List<PlannedSlot> planned) {
        Windows.check(from, to);
        Set<UUID> contentIds = planned.stream().map(PlannedSlot::contentId).collect(Collectors.toSet());
        return table.channel(channelId).flatMap(channel -> {
            if (contentIds.size() > MAX_ITEMS_PER_WINDOW) {
                return Uni.createFrom().failure(ProblemException.invalidField("contentId", "a window may air at most "
                        + MAX_ITEMS_PER_WINDOW + " distinct content items; this one names " + contentIds.size()));
            }
            return catalogue.standings(contentIds, channel.territories)
                    .map(standings -> WindowPlan.of(channel, from, to, planned, standings))
                    .flatMap(slots -> table.editing(channelId, connection -> table.overlapping(connection, channelId, from, to)
                            .flatMap(existing -> {
                                List<Slot> crossing = existing.stream()
                                        .filter(slot -> slot.startAt.isBefore(from) || slot.endAt.isAfter(to)).toList();
                                if (!crossing.isEmpty()) {
                                    return Uni.createFrom().failure(ProblemException.conflict("The window's edges cut "
                                            + "through " + ScheduleProblems.describe(crossing) + "; choose edges between slots"));
                                }
                                return table.deleteWithin(connection, channelId, from, to)
                                        .flatMap(ignored -> table.insert(connection, slots)).replaceWith(slots);
                            }))
                            .onFailure(PostgresErrors::isExclusionViolation).transform(ScheduleProblems::concurrentEdit));
        });
    }
}

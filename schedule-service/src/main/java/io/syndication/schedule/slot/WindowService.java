package io.syndication.schedule.slot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.syndication.http.PostgresErrors;
import io.syndication.http.ProblemException;
import io.syndication.http.ProblemType;
import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.content.ContentCatalogue;
import io.syndication.schedule.content.ContentItem;
import io.syndication.schedule.content.ContentStanding;
import io.syndication.schedule.validation.Windows;

/** Whole windows of a channel's schedule: replaced all or nothing, or their gaps filled from the filler rotation. */
@ApplicationScoped
public class WindowService {

    /** Distinct content items one window may name: those the local view does not hold are asked of content-service. */
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
            return catalogue.placeable(contentIds, channel.territories).flatMap(standings -> {
                List<Slot> slots = WindowPlan.of(channel, from, to, planned, standings);
                List<ContentItem> placing = standings.values().stream().map(ContentStanding::item).filter(Objects::nonNull).toList();
                return table.editing(channelId, placing, connection -> table.overlapping(connection, channelId, from, to)
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
                        .onFailure(PostgresErrors::isExclusionViolation).transform(ScheduleProblems::concurrentEdit);
            });
        });
    }

    /** The filler slots made, and the window's coverage after them. */
    public record Filled(List<Slot> slots, Coverage coverage) {
    }

    public Uni<Filled> fill(UUID channelId, Instant from, Instant to) {
        Windows.check(from, to);
        return table.channel(channelId).flatMap(channel -> {
            if (channel.fillerContentIds.isEmpty()) {
                return Uni.createFrom().failure(noFiller("The channel has no filler content; set its fillerContentIds"));
            }
            return catalogue.standings(channel.fillerContentIds, channel.territories)
                    .map(standings -> fillers(channel, standings))
                    .flatMap(fillers -> table.editing(channelId, fillers, connection -> table.overlapping(connection, channelId, from, to)
                            .flatMap(existing -> {
                                List<Slot> made = new FillerRotation(channelId, fillers)
                                        .fill(Coverage.of(from, to, existing).gaps(), MAX_SLOTS);
                                if (made.size() > MAX_SLOTS) {
                                    return Uni.createFrom().failure(noFiller("Filling the window would take more than "
                                            + MAX_SLOTS + " slots at once; fill a shorter window"));
                                }
                                List<Slot> all = new ArrayList<>(existing);
                                all.addAll(made);
                                all.sort(Comparator.comparing(slot -> slot.startAt));
                                return table.insert(connection, made).replaceWith(new Filled(made, Coverage.of(from, to, all)));
                            }))
                            .onFailure(PostgresErrors::isExclusionViolation).transform(ScheduleProblems::concurrentEdit));
        });
    }

    /**
     * The channel's filler items that may fill, in rotation order: not live, approved, for the
     * channel's territories, from an active partner; the rights window is checked where each lands.
     */
    private static List<ContentItem> fillers(Channel channel, Map<UUID, ContentStanding> standings) {
        List<ContentItem> fillers = new ArrayList<>();
        List<String> unfit = new ArrayList<>();
        for (UUID id : channel.fillerContentIds) {
            ContentStanding standing = standings.get(id);
            String why = FillerRotation.unfit(standing, channel.territories);
            if (why.isEmpty()) {
                fillers.add(standing.item());
            } else {
                unfit.add(id + ": " + why);
            }
        }
        if (fillers.isEmpty()) {
            throw noFiller("None of the channel's filler content may air: " + unfit);
        }
        return fillers;
    }

    private static ProblemException noFiller(String detail) {
        return ProblemType.NO_FILLER.exception(detail);
    }
}

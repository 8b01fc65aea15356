package io.syndication.schedule.slot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.syndication.schedule.content.ContentCatalogue;
import io.syndication.schedule.validation.Windows;

/** What is wrong with a window of a channel's schedule, as content-service sees its content now. */
@ApplicationScoped
public class ValidationService {

    private final SlotTable table;
    private final ContentCatalogue catalogue;

    ValidationService(SlotTable table, ContentCatalogue catalogue) {
        this.table = table;
        this.catalogue = catalogue;
    }

    /** Every finding of {@code [from, to)}: gaps, and slots whose content may no longer air then. */
    public Uni<List<Finding>> validate(UUID channelId, Instant from, Instant to) {
        Windows.check(from, to);
        return table.channel(channelId).flatMap(channel -> table.overlapping(channelId, from, to)
                .flatMap(slots -> catalogue.standings(slots.stream().map(slot -> slot.contentId).toList(), channel.territories)
                        .map(standings -> Finding.of(from, to, slots, standings, channel.territories))));
    }
}

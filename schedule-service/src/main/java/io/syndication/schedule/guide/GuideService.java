package io.syndication.schedule.guide;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.syndication.http.ProblemException;
import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.channel.ChannelRepository;
import io.syndication.schedule.slot.Slot;
import io.syndication.schedule.slot.SlotTable;

/** What the guides read: the channels asked for, and their slots streamed window by window. */
@ApplicationScoped
public class GuideService {

    private final ChannelRepository channels;
    private final SlotTable slots;

    GuideService(ChannelRepository channels, SlotTable slots) {
        this.channels = channels;
        this.slots = slots;
    }

    /** The channel; a missing one is a 404. */
    Uni<Channel> channel(UUID channelId) {
        return channels.withId(channelId).onItem().ifNull().failWith(() -> ProblemException.notFound("Channel " + channelId));
    }

    /** The channels with these slugs in the order asked for (a 404 naming any unknown), or with none the first {@code most} ACTIVE ones. */
    Uni<List<Channel>> channels(List<String> slugs, int most) {
        return slugs.isEmpty() ? channels.active(most) : channels.bySlugs(slugs).map(found -> {
            List<String> unknown = slugs.stream().filter(slug -> found.stream().noneMatch(c -> c.slug.equals(slug)))
                    .distinct().toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.notFound("Channel " + String.join(", ", unknown));
            }
            return found;
        });
    }

    /** Each window's slots in start order, one window after another, read page by page. */
    Multi<Slot> programmes(List<GuideWindow> windows) {
        return slots.streamed(windows.stream().map(GuideWindow::slots).toList());
    }
}

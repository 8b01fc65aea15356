package io.syndication.schedule.channel.rest;

import java.util.List;
import java.util.UUID;

import io.syndication.schedule.channel.Channel;
import io.syndication.schedule.channel.ChannelStatus;
import io.syndication.schedule.channel.HealingPolicy;

/** A channel as the API shows it. */
public record ChannelView(UUID id, String slug, String name, String timeZone, List<String> territories,
        List<UUID> fillerContentIds, ChannelStatus status, HealingPolicy healing, long version) {

    static ChannelView of(Channel channel) {
        return new ChannelView(channel.id, channel.slug, channel.name, channel.timeZone, channel.territories,
                channel.fillerContentIds, channel.status, channel.healing, channel.version);
    }
}

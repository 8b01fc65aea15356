package io.syndication.schedule.guide;

import java.util.UUID;

import io.syndication.schedule.channel.Channel;

/** The channel the guide's rule tests schedule: Harbour TV, in whatever zone a test needs. */
final class HarbourTv {

    private HarbourTv() {
    }

    static Channel in(String zone) {
        Channel channel = new Channel();
        channel.id = UUID.randomUUID();
        channel.slug = "harbour-tv";
        channel.name = "Harbour TV";
        channel.timeZone = zone;
        return channel;
    }
}

package io.syndication.schedule.channel;

/** Whether a channel is on air (its guide is published) or taken off air. */
public enum ChannelStatus {
    ACTIVE, INACTIVE
}

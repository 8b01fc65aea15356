package io.syndication.schedule.feed;

import java.util.Set;
import java.util.UUID;

import io.syndication.schedule.content.ContentItem;
import io.syndication.schedule.content.PartnerStatus;
import io.syndication.schedule.healing.Cause;
import io.syndication.schedule.healing.Healing;

/**
 * A record read from the topic {@code content} or {@code partner} ({@link ChangeEvents#read}): the
 * new state of one item or partner, numbered within its subject by {@code sequence}; or one to skip,
 * and why.
 */
public sealed interface ChangeEvent {

    /** The topics read, and the event types of each that change what scheduling knows. */
    enum Topic {
        CONTENT("content", Set.of("content.submitted", "content.approved", "content.rejected", "content.retired",
                "content.changed")),
        PARTNER("partner", Set.of("partner.applied", "partner.approved", "partner.rejected", "partner.suspended",
                "partner.reinstated", "partner.terminated", "partner.credentials-rotated"));

        private final String channel;
        /** What is of no use to the schedule, or new, is ignored. */
        final Set<String> types;

        Topic(String channel, Set<String> types) {
            this.channel = channel;
            this.types = types;
        }

        /** The incoming channel (and topic) name. */
        public String channel() {
            return channel;
        }
    }

    /** A content item as it is after the event. */
    record ContentChanged(Cause cause, long sequence, ContentItem item) implements ChangeEvent, Healing.ContentChange {
    }

    /** A partner's status after the event. */
    record PartnerChanged(Cause cause, long sequence, UUID partnerId, PartnerStatus status)
            implements ChangeEvent, Healing.PartnerChange {
    }

    /** A well-formed event of a type the schedule does not use. */
    record Ignored(String type) implements ChangeEvent {
    }

    /** Not an event the schedule can read: what is wrong with it. */
    record Malformed(String problem) implements ChangeEvent {
    }
}

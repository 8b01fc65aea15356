package io.syndication.content;

import java.util.UUID;

/**
 * Whose eyes a catalogue read is for: a partner sees only its own items, a channel operator only
 * approved ones (what may be scheduled), an admin everything.
 */
public sealed interface Viewer {

    record Partner(UUID partnerId) implements Viewer {
    }

    record Operator() implements Viewer {
    }

    record Admin() implements Viewer {
    }
}

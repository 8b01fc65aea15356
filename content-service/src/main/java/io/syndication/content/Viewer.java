package io.syndication.content;

import java.util.UUID;

/**
 * Whose eyes a catalogue read is for: a partner sees only its own items, a channel operator only
 * approved ones (what may be scheduled), an admin everything.
 */
public sealed interface Viewer {

    /** How an item's history names the one who acted: a partner by its id, platform staff by name. */
    String actor();

    record Partner(UUID partnerId) implements Viewer {

        @Override
        public String actor() {
            return "partner:" + partnerId;
        }
    }

    record Operator(String name) implements Viewer {

        @Override
        public String actor() {
            return "operator:" + name;
        }
    }

    record Admin(String name) implements Viewer {

        @Override
        public String actor() {
            return "admin:" + name;
        }
    }
}

package io.syndication.partner.webhooks;

import java.time.Duration;

/** How one attempt to post an event went: the receiver's status code (null when none came) or what failed. */
record Attempt(Integer statusCode, Duration latency, String error) {

    boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }
}

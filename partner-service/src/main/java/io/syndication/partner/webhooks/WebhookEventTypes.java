package io.syndication.partner.webhooks;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.syndication.http.Problem;
import io.syndication.http.ProblemException;
import io.syndication.http.ProblemType;

/** The event types a subscription may name (the platform's AsyncAPI document, /asyncapi, describes each). */
public final class WebhookEventTypes {

    /** What a partner receives, about itself, its content and the slots airing its content. */
    static final Set<String> PARTNER = Set.of("partner.applied", "partner.approved", "partner.rejected",
            "partner.suspended", "partner.reinstated", "partner.terminated", "partner.credentials-rotated",
            "content.submitted", "content.approved", "content.rejected", "content.retired", "content.changed",
            "slot.placed", "slot.moved", "slot.removed", "live.inserted", "live.extended", "schedule.healed",
            WebhookDispatcher.DISABLED);

    /** Only platform-wide subscriptions receive these: they concern whole channels. */
    static final Set<String> PLATFORM_ONLY = Set.of("guide.changed");

    private WebhookEventTypes() {
    }

    /** {@code types} as given, once each is one the subscriber may receive; a 400 naming every other. */
    static List<String> check(List<String> types, boolean platformWide) {
        if (types == null) {
            return List.of();
        }
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            String type = types.get(i);
            if (!PARTNER.contains(type) && !(platformWide && PLATFORM_ONLY.contains(type))) {
                violations.add(new Problem.Violation("eventTypes[" + i + "]", PLATFORM_ONLY.contains(type)
                        ? "is sent to platform-wide subscriptions only"
                        : "is not an event type of the platform (see /asyncapi)"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION.problem("The subscription names event types it cannot receive")
                    .withViolations(violations));
        }
        return types.stream().distinct().toList();
    }
}

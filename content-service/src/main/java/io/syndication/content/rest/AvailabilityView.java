package io.syndication.content.rest;

import java.util.List;

/** May the item air in a territory at an instant, and if not, every reason why not. */
public record AvailabilityView(boolean available, List<String> reasons) {
}

package io.syndication.content.rest;

import java.util.List;

import io.syndication.content.Availability;

/** May the item air in a territory at an instant, and if not, every reason why not. */
public record AvailabilityView(boolean available, List<Availability.Reason> reasons) {
}

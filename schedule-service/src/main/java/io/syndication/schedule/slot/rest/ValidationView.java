package io.syndication.schedule.slot.rest;

import java.util.List;

import io.syndication.schedule.slot.Finding;

/** Every finding of a window, in time order; none means the window may air as it is. */
public record ValidationView(List<Finding> findings) {
}

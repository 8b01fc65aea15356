package io.syndication.content;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.syndication.content.rest.ContentView;

/**
 * The data of a content event: the item as the API shows it after the change, and for a
 * content.changed event what changed ({@link ContentFields#changesIn}).
 */
public record ContentChange(@JsonUnwrapped ContentView item, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> changes) {
}

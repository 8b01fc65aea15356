package io.syndication.schedule.content;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/** Why content-service says an item may not air at a time in a territory; a reason added there later reads as OTHER. */
public enum Unavailability {
    NOT_APPROVED, OUTSIDE_RIGHTS_WINDOW, TERRITORY_NOT_LICENSED, PARTNER_INACTIVE,
    @JsonEnumDefaultValue
    OTHER
}

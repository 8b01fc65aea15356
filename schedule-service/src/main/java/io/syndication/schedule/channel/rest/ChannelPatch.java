package io.syndication.schedule.channel.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.schedule.channel.ChannelService.ChannelChange;
import io.syndication.schedule.channel.ChannelStatus;
import io.syndication.schedule.channel.HealingPolicy;
import io.syndication.http.validation.Territory;
import io.syndication.schedule.validation.TimeZoneId;

/** A partial change to a channel: absent fields stay as they are. The slug never changes. */
public record ChannelPatch(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @TimeZoneId String timeZone,
        @Size(min = 1, max = 250) List<@NotNull @Territory String> territories,
        List<@NotNull UUID> fillerContentIds,
        ChannelStatus status,
        @Schema(description = ChannelRequest.HEALING) HealingPolicy healing) {

    ChannelChange toChange() {
        return new ChannelChange(name, timeZone, territories, fillerContentIds, status, healing);
    }
}

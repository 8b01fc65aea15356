package io.syndication.schedule.channel.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.http.validation.Territory;
import io.syndication.schedule.channel.HealingPolicy;
import io.syndication.schedule.validation.TimeZoneId;

/** A new channel. */
public record ChannelRequest(
        @Schema(description = "DNS-like id, also the XMLTV channel id", examples = "news-247.apac.example")
        @NotBlank @Size(max = 253) @Pattern(regexp = ChannelRequest.DNS_NAME, message = "must be a DNS-like name such as news-247.apac.example")
        String slug,
        @Schema(examples = "Asia Business News 24/7") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "Asia/Singapore") @NotNull @TimeZoneId String timeZone,
        @Schema(examples = "[\"SG\", \"HK\", \"IN\"]") @NotEmpty @Size(max = 250) List<@NotNull @Territory String> territories,
        List<@NotNull UUID> fillerContentIds,
        @Schema(description = ChannelRequest.HEALING + " Default FILL.") HealingPolicy healing) {

    static final String HEALING = "What becomes of a slot once its content may no longer air (retired, rejected or re-submitted, "
            + "its rights window or territories no longer covering the slot, its partner suspended or terminated), as soon as "
            + "the change is known: FILL removes it (cuts it at that moment if on air) and fills the time from the filler "
            + "rotation, leaving a gap where no filler may air; FLAG leaves it for an operator, and validation reports it. "
            + "Either way the heal is recorded (GET /api/v1/channels/{id}/heals).";

    /** Lower-case labels of letters, digits and inner hyphens, separated by dots. */
    static final String DNS_NAME = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*";
}

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
import io.syndication.schedule.validation.TimeZoneId;

/** A new channel. */
public record ChannelRequest(
        @Schema(description = "DNS-like id, also the XMLTV channel id", examples = "news-247.apac.example")
        @NotBlank @Size(max = 253) @Pattern(regexp = ChannelRequest.DNS_NAME, message = "must be a DNS-like name such as news-247.apac.example")
        String slug,
        @Schema(examples = "Asia Business News 24/7") @NotBlank @Size(max = 200) String name,
        @Schema(examples = "Asia/Singapore") @NotNull @TimeZoneId String timeZone,
        @Schema(examples = "[\"SG\", \"HK\", \"IN\"]") @NotEmpty @Size(max = 250) List<@NotNull @Territory String> territories,
        List<@NotNull UUID> fillerContentIds) {

    /** Lower-case labels of letters, digits and inner hyphens, separated by dots. */
    static final String DNS_NAME = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*";
}

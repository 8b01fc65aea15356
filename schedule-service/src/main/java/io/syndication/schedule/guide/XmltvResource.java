package io.syndication.schedule.guide;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestMulti;

import io.smallrye.mutiny.Multi;
import io.syndication.http.ProblemException;
import io.syndication.http.Roles;
import io.syndication.schedule.channel.Channel;
import io.syndication.http.validation.OnTheCalendar;
import io.syndication.schedule.validation.Windows;
import io.vertx.core.buffer.Buffer;

/**
 * The XMLTV guide of many channels. It streams: channels first, then programmes in chunks page by page as they
 * are read, so memory does not grow with the guide.
 */
@Path("/api/v1/epg.xml")
@RolesAllowed({ Roles.OPERATOR, Roles.ADMIN })
@Tag(name = "Guide", description = "What the channels air, by local day, as JSON and XMLTV")
public class XmltvResource {

    static final int MAX_CHANNELS = 100;

    private final GuideService guides;

    public XmltvResource(GuideService guides) {
        this.guides = guides;
    }

    @GET
    @Produces(Xmltv.MEDIA_TYPE)
    @APIResponse(responseCode = "200", description = "The guide as XMLTV",
            content = @Content(mediaType = Xmltv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "getXmltvGuide", summary = "The XMLTV guide of one or more channels",
            description = "For each channel asked for (repeat channel=slug; none: every ACTIVE channel, at most "
                    + MAX_CHANNELS + "): the local days from date (default today) in that channel's own time zone, for days "
                    + "days (1-31); or the instants from and to (at most 31 days apart) instead. Valid against the XMLTV DTD.")
    public RestMulti<Buffer> xmltv(@QueryParam("channel") List<String> slugs, @QueryParam("date") String date,
            @QueryParam("days") @Min(1) @Max(Windows.MAX_DAYS) Integer days,
            @QueryParam("from") @OnTheCalendar Instant from, @QueryParam("to") @OnTheCalendar Instant to) {
        Function<Channel, GuideWindow> windowOf = windowOf(date, days, from, to);
        if (slugs.size() > MAX_CHANNELS) {
            throw ProblemException.invalidField("channel", "at most " + MAX_CHANNELS + " channels at a time");
        }
        Multi<String> document = guides.channels(slugs, MAX_CHANNELS).onItem().transformToMulti(found -> {
            List<GuideWindow> windows = found.stream().map(windowOf).toList();
            Map<UUID, GuideWindow> byChannel = windows.stream().collect(Collectors.toMap(w -> w.channel().id, w -> w));
            Multi<String> programmes = guides.programmes(windows)
                    .map(slot -> Xmltv.programme(byChannel.get(slot.channelId), slot))
                    .group().intoLists().of(Guides.PROGRAMMES_PER_CHUNK).map(chunk -> String.join("", chunk));
            return Guides.concat(Xmltv.head(windows, Instant.now()), programmes, Xmltv.TAIL);
        });
        return RestMulti.fromMultiData(document.map(Buffer::buffer)).build();
    }

    /** Local days, or instants: which one was asked for, checked before anything streams. */
    private static Function<Channel, GuideWindow> windowOf(String date, Integer days, Instant from, Instant to) {
        if (from != null || to != null) {
            if (from == null || to == null || date != null || days != null) {
                throw ProblemException.invalidField("from", "from and to go together, and not with date or days");
            }
            Windows.check(from, to);
            return channel -> GuideWindow.between(channel, from, to);
        }
        LocalDate day = Guides.localDate(date);
        int count = days == null ? 1 : days;
        Instant now = Instant.now();
        return channel -> GuideWindow.ofDays(channel, day, count, now);
    }

}

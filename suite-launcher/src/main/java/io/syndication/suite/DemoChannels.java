package io.syndication.suite;

import static io.syndication.suite.GatewayCalls.expect;
import static io.syndication.suite.GatewayCalls.get;
import static io.syndication.suite.GatewayCalls.patch;
import static io.syndication.suite.GatewayCalls.post;
import static io.syndication.suite.GatewayCalls.read;
import static io.syndication.suite.GatewayCalls.withSlug;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One 24/7 channel per launch partner, in its partner's time zone, built through the API as an
 * operator would: the partner's approved programmes and clips as the filler rotation, a live event
 * tomorrow evening, and the next 7 local days filled without a gap. Run again, it finds the
 * channels and fills whatever of the coming week is not yet scheduled.
 */
final class DemoChannels {

    static final int DAYS = 7;

    private record DemoChannel(String partner, String slug, String name, String timeZone, String territory) {
    }

    private static final List<DemoChannel> CHANNELS = List.of(
            new DemoChannel("asia-business-news", "abn-247.hk.example", "ABN 24/7 Hong Kong", "Asia/Hong_Kong", "HK"),
            new DemoChannel("cricket-council", "cricket-247.in.example", "Cricket 24/7", "Asia/Kolkata", "IN"),
            new DemoChannel("kpop-weekly", "kpop-247.kr.example", "K-Pop 24/7", "Asia/Seoul", "KR"),
            new DemoChannel("pacific-esports", "esports-247.au.example", "PEL Esports 24/7", "Australia/Sydney", "AU"),
            new DemoChannel("tokyo-digital", "lifestyle-247.jp.example", "Tokyo Digital 24/7", "Asia/Tokyo", "JP"));

    private DemoChannels() {
    }

    /** @param partnerIds each launch partner's id by its slug */
    static void schedule(String gateway, String operatorToken, Map<String, String> partnerIds, Instant now) {
        InParallel.map(CHANNELS, demo -> {
            List<String> fillers = new ArrayList<>();
            String live = null;
            JsonNode approved = read(expect(200, get(gateway + "/api/v1/content?status=APPROVED&limit=200&partner="
                    + partnerIds.get(demo.partner()), operatorToken)));
            for (JsonNode item : approved.path("items")) {
                if ("LIVE_EVENT".equals(item.path("kind").asText())) {
                    live = live == null ? item.path("id").asText() : live;
                } else {
                    fillers.add(item.path("id").asText());
                }
            }
            String channel = channel(gateway, operatorToken, demo, fillers);
            ZoneId zone = ZoneId.of(demo.timeZone());
            LocalDate today = LocalDate.ofInstant(now, zone);
            if (live != null) {
                ZonedDateTime evening = today.plusDays(1).atTime(20, 0).atZone(zone);
                HttpResponse<String> placed = post(gateway + "/api/v1/channels/" + channel + "/live", operatorToken,
                        Map.of("contentId", live, "start", evening.toInstant().toString(),
                                "end", evening.plusHours(3).toInstant().toString(), "policy", "DROP"));
                // 409: an earlier start already put a live event there
                if (placed.statusCode() != 201 && placed.statusCode() != 409) {
                    expect(201, placed);
                }
            }
            expect(200, post(gateway + "/api/v1/channels/" + channel + "/fill?from=" + today.atStartOfDay(zone).toInstant()
                    + "&to=" + today.plusDays(DAYS).atStartOfDay(zone).toInstant(), operatorToken, null));
            return channel;
        });
    }

    /** The channel's id: created, or found from an earlier start and given the current filler rotation. */
    private static String channel(String gateway, String operatorToken, DemoChannel demo, List<String> fillers) {
        HttpResponse<String> created = post(gateway + "/api/v1/channels", operatorToken, Map.of("slug", demo.slug(),
                "name", demo.name(), "timeZone", demo.timeZone(), "territories", List.of(demo.territory()),
                "fillerContentIds", fillers));
        if (created.statusCode() == 201) {
            return read(created).path("id").asText();
        }
        expect(409, created);
        String id = withSlug(gateway + "/api/v1/channels?limit=200", operatorToken, demo.slug()).path("id").asText();
        expect(200, patch(gateway + "/api/v1/channels/" + id, operatorToken, Map.of("fillerContentIds", fillers)));
        return id;
    }

    static List<String> slugs() {
        return CHANNELS.stream().map(DemoChannel::slug).toList();
    }
}

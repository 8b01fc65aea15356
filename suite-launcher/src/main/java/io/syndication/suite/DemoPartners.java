package io.syndication.suite;

import static io.syndication.suite.GatewayCalls.expect;
import static io.syndication.suite.GatewayCalls.get;
import static io.syndication.suite.GatewayCalls.post;
import static io.syndication.suite.GatewayCalls.read;
import static io.syndication.suite.GatewayCalls.token;
import static io.syndication.suite.GatewayCalls.tokenIfAccepted;
import static io.syndication.suite.GatewayCalls.withSlug;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The launch partners, onboarded through the public API as real partners would be: each applies,
 * the suite's admin approves it, the credentials Keycloak issues are written to a file, and each
 * partner sends its catalogue, mostly approved.
 */
final class DemoPartners {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    /** How often, and how far apart, a change of a partner is tried while another is under way. */
    private static final int CHANGE_ATTEMPTS = 50;
    private static final Duration BETWEEN_ATTEMPTS = Duration.ofMillis(200);

    private static final List<Map<String, Object>> LAUNCH_PARTNERS = List.of(
            partner("Asia Business News Ltd", "ABN 24/7", "asia-business-news", "NEWS",
                    List.of("HK", "SG", "IN", "AU", "JP"), List.of("en", "zh-Hant-HK"), "https://abn.example"),
            partner("Asian Cricket Council Ltd", "ACC Cricket", "cricket-council", "SPORTS",
                    List.of("IN", "AU", "SG", "HK"), List.of("en", "hi-IN"), "https://cricket-council.example"),
            partner("Seoul Beat Media Co", "K-Pop Weekly", "kpop-weekly", "MUSIC",
                    List.of("KR", "JP", "SG", "HK"), List.of("ko", "en"), "https://kpop-weekly.example"),
            partner("Pacific Esports League Pte Ltd", "PEL Esports", "pacific-esports", "ESPORTS",
                    List.of("SG", "KR", "JP", "AU"), List.of("en", "ko", "ja"), "https://pel.example"),
            partner("Tokyo Digital Publishing KK", "Tokyo Digital", "tokyo-digital", "LIFESTYLE",
                    List.of("JP"), List.of("ja"), "https://tokyo-digital.example"));

    private DemoPartners() {
    }

    /**
     * Onboards each launch partner not yet known; for one already there, keeps the secret {@code file}
     * holds from an earlier start if Keycloak still takes it, or else rotates it (a secret is shown only
     * once), or approves the partner if an earlier start stopped short of that. The partners are
     * onboarded all at once. Writes every partner's credentials to {@code file}.
     *
     * @return each launch partner's id by its slug
     */
    static Map<String, String> onboard(String gateway, String tokenEndpoint, String adminToken, String agreementVersion, Path file) {
        Map<String, Map<String, String>> earlier = earlierCredentials(file);
        List<Map<String, String>> credentials = InParallel.map(LAUNCH_PARTNERS,
                application -> onboardOne(gateway, tokenEndpoint, adminToken, agreementVersion, application, earlier));
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < LAUNCH_PARTNERS.size(); i++) {
            ids.put((String) LAUNCH_PARTNERS.get(i).get("slug"), credentials.get(i).get("partnerId"));
        }
        try {
            Files.createDirectories(file.getParent());
            // client secrets: for the suite's user alone
            if (Files.notExists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            }
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            JSON.writeValue(file.toFile(), credentials);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ids;
    }

    /** The credentials an earlier start wrote, by the partner's display name; none when there is no such file. */
    private static Map<String, Map<String, String>> earlierCredentials(Path file) {
        Map<String, Map<String, String>> byName = new LinkedHashMap<>();
        if (Files.exists(file)) {
            try {
                for (JsonNode entry : JSON.readTree(file.toFile())) {
                    Map<String, String> fields = new LinkedHashMap<>();
                    entry.fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue().asText()));
                    byName.put(fields.get("partner"), fields);
                }
            } catch (IOException e) {
                // an unreadable file is written anew, with secrets rotated
                return Map.of();
            }
        }
        return byName;
    }

    /**
     * One launch partner onboarded, with its catalogue: its credentials' entry. A partner an earlier
     * start onboarded keeps the secret that start wrote down while Keycloak still takes it (its client
     * is disabled unless the partner is ACTIVE); otherwise it is given a new one.
     */
    private static Map<String, String> onboardOne(String gateway, String tokenEndpoint, String adminToken,
            String agreementVersion, Map<String, Object> application, Map<String, Map<String, String>> earlier) {
        Map<String, String> kept = earlier.get((String) application.get("displayName"));
        if (kept != null) {
            Optional<String> partnerToken = tokenIfAccepted(tokenEndpoint, kept.get("clientId"), kept.get("clientSecret"));
            if (partnerToken.isPresent()) {
                stockCatalogue(gateway, partnerToken.get(), adminToken, application);
                return kept;
            }
        }
        Map<String, Object> body = new LinkedHashMap<>(application);
        body.put("agreementVersion", agreementVersion);
        HttpResponse<String> applied = post(gateway + "/api/v1/applications", null, body);
        JsonNode issued;
        if (applied.statusCode() == 201) {
            String id = read(applied).path("id").asText();
            issued = read(expect(200, post(gateway + "/api/v1/partners/" + id + "/approve", adminToken, Map.of())));
            issued = withId(issued, id);
        } else if (applied.statusCode() == 409) {
            JsonNode existing = withSlug(gateway + "/api/v1/partners?limit=200&q=" + application.get("slug"), adminToken,
                    (String) application.get("slug"));
            String id = existing.path("id").asText();
            // an earlier start may have stopped between applying and approving
            String action = "APPLIED".equals(existing.path("status").asText()) ? "approve" : "credentials/rotate";
            issued = withId(read(expect(200, changeOfPartner(gateway + "/api/v1/partners/" + id + "/" + action, adminToken))), id);
        } else {
            throw new IllegalStateException("Applying as " + application.get("slug") + " answered "
                    + applied.statusCode() + ": " + applied.body());
        }
        String partnerToken = token(tokenEndpoint, issued.path("clientId").asText(), issued.path("clientSecret").asText());
        stockCatalogue(gateway, partnerToken, adminToken, application);
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("partner", (String) application.get("displayName"));
        entry.put("partnerId", issued.path("id").asText());
        entry.put("clientId", issued.path("clientId").asText());
        entry.put("clientSecret", issued.path("clientSecret").asText());
        return entry;
    }

    /**
     * POSTs a change of a partner, again while partner-service answers that another change of the
     * partner is under way (as its check of each partner's client at start holds one): at most
     * {@value #CHANGE_ATTEMPTS} times.
     */
    private static HttpResponse<String> changeOfPartner(String url, String adminToken) {
        HttpResponse<String> answer = post(url, adminToken, Map.of());
        for (int attempt = 1; attempt < CHANGE_ATTEMPTS && answer.statusCode() == 409
                && read(answer).path("type").asText().endsWith("/partner-change-under-way"); attempt++) {
            try {
                Thread.sleep(BETWEEN_ATTEMPTS.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while changing a partner", e);
            }
            answer = post(url, adminToken, Map.of());
        }
        return answer;
    }

    /** What each launch partner offers: its programmes (with their length in minutes), clips and live events. */
    private static final Map<String, List<String>> PROGRAMMES = Map.of(
            "asia-business-news", List.of("Morning Markets:30", "Asia Open:60", "The Closing Bell:30", "Business Tonight:60",
                    "Tech Asia:30", "Money Talks:30", "Weekend Markets Review:60"),
            "cricket-council", List.of("Cricket Tonight:60", "Classic Finals:180", "The Spin Room:30", "Women's Cricket Weekly:60",
                    "Road to the Asia Cup:30", "Greatest Innings:120"),
            "kpop-weekly", List.of("K-Pop Weekly:90", "Stage Live:60", "Debut Diaries:30", "Chart Countdown:60",
                    "Idol Kitchen:30", "Comeback Special:120"),
            "pacific-esports", List.of("PEL Weekly:60", "Clutch Moments:30", "Pro League Replay:180", "Patch Notes Live:30",
                    "Road to Worlds:60"),
            "tokyo-digital", List.of("Tokyo Eats:30", "Hidden Japan:60", "Ramen Road:30", "Seasons of Kyoto:60",
                    "Neon Nights:30"));

    private static final Map<String, List<String>> LIVE_EVENTS = Map.of(
            "asia-business-news", List.of("Central Bank Decision Live"),
            "cricket-council", List.of("Asia Cup Final: India v Sri Lanka", "Asia Cup Semi-final: Pakistan v Bangladesh"),
            "kpop-weekly", List.of("Year-End Music Festival"),
            "pacific-esports", List.of("Pacific League Grand Final"),
            "tokyo-digital", List.of("Sumida River Fireworks"));

    private static final Map<String, List<String>> CATEGORIES = Map.of(
            "NEWS", List.of("NEWS", "BUSINESS"), "SPORTS", List.of("SPORTS", "CRICKET"), "MUSIC", List.of("MUSIC", "KPOP"),
            "ESPORTS", List.of("ESPORTS", "GAMING"), "LIFESTYLE", List.of("LIFESTYLE", "TRAVEL"));

    /**
     * Gives a launch partner its catalogue, sent by externalId so that a second start changes nothing;
     * what is new is submitted, and all but every fifth item approved by the admin.
     */
    private static void stockCatalogue(String gateway, String partnerToken, String adminToken, Map<String, Object> partner) {
        String slug = (String) partner.get("slug");
        String language = ((List<?>) partner.get("languages")).get(0).toString();
        List<Map<String, Object>> items = new ArrayList<>();
        List<String> programmes = PROGRAMMES.get(slug);
        for (int episode = 1; episode <= 3; episode++) {
            for (String programme : programmes) {
                String[] titleAndMinutes = programme.split(":");
                items.add(item(partner, slug + "-" + titleAndMinutes[0].toLowerCase().replaceAll("[^a-z0-9]+", "-") + "-" + episode,
                        "PROGRAMME", titleAndMinutes[0] + " #" + episode, language,
                        Map.of("durationSeconds", Integer.parseInt(titleAndMinutes[1]) * 60)));
                items.add(item(partner, slug + "-clip-" + items.size(), "CLIP", titleAndMinutes[0] + ": the best minute #" + episode,
                        language, Map.of("durationSeconds", 60 + 15 * episode)));
            }
        }
        List<String> events = LIVE_EVENTS.get(slug);
        for (int day = 0; day < events.size(); day++) {
            items.add(item(partner, slug + "-live-" + day, "LIVE_EVENT", events.get(day), language, Map.of(
                    "start", "2026-12-%02dT10:00:00Z".formatted(12 + day), "end", "2026-12-%02dT16:00:00Z".formatted(12 + day))));
        }
        JsonNode results = read(expect(200, post(gateway + "/api/v1/content/batch", partnerToken, Map.of("items", items))))
                .path("results");
        int created = 0;
        for (JsonNode result : results) {
            if (!"CREATED".equals(result.path("outcome").asText())) {
                continue;
            }
            String content = gateway + "/api/v1/content/" + result.path("id").asText();
            String submitted = expect(200, post(content + "/submit", partnerToken, Map.of())).headers()
                    .firstValue("ETag").orElseThrow();
            if (created++ % 5 != 4) {
                // an approval names the version reviewed: here, the one just submitted
                expect(200, post(content + "/approve", adminToken, Map.of(), submitted));
            }
        }
    }

    private static Map<String, Object> item(Map<String, Object> partner, String externalId, String kind, String title,
            String language, Map<String, Object> timing) {
        Map<String, Object> item = new LinkedHashMap<>(timing);
        item.put("externalId", externalId);
        item.put("kind", kind);
        item.put("title", title);
        item.put("synopsis", title + ", from " + partner.get("displayName") + ".");
        item.put("language", language);
        item.put("categories", CATEGORIES.get((String) partner.get("category")));
        item.put("mediaUrl", partner.get("website") + "/media/" + externalId + "/master.m3u8");
        item.put("thumbnailUrl", partner.get("website") + "/media/" + externalId + "/poster.jpg");
        item.put("ageRating", "ALL_AGES");
        item.put("availableFrom", "2026-11-01T00:00:00Z");
        item.put("availableUntil", "2027-11-01T00:00:00Z");
        item.put("territories", partner.get("territories"));
        return item;
    }

    static String agreementVersion(String gateway) {
        return read(expect(200, get(gateway + "/api/v1/applications/agreement", null))).path("version").asText();
    }

    private static JsonNode withId(JsonNode issued, String id) {
        return ((com.fasterxml.jackson.databind.node.ObjectNode) issued.deepCopy()).put("id", id);
    }

    private static Map<String, Object> partner(String legalName, String displayName, String slug, String category,
            List<String> territories, List<String> languages, String website) {
        Map<String, Object> application = new LinkedHashMap<>();
        application.put("legalName", legalName);
        application.put("displayName", displayName);
        application.put("slug", slug);
        application.put("category", category);
        application.put("territories", territories);
        application.put("languages", languages);
        application.put("contactEmail", "partnerships@" + URI.create(website).getHost());
        application.put("website", website);
        return application;
    }
}

package io.syndication.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The operator and admin console in a real browser: Debian's Chromium, headless, driven by Playwright from
 * the committed script {@code src/test/console/console.mjs} (its dependencies pinned by package-lock.json and
 * installed with {@code npm ci}), against the packaged platform with real Keycloak and the realm's console
 * client and demo users. Screenshots go to {@code target/console/}.
 */
@ExtendWith(Platform.class)
class ConsoleEndToEndTest {

    private static final Path DRIVER_SOURCES = Path.of("src/test/console");
    private static final Path DRIVER = Path.of("target/console-driver");
    private static final Path SCREENSHOTS = Path.of("target/console");
    private static final Duration NPM_CI = Duration.ofMinutes(5);
    private static final Duration WALK = Duration.ofMinutes(8);
    /** A local day of 25 hours in Sydney: daylight saving ends at 03:00, and 02:00-03:00 comes twice. */
    private static final String LONG_DAY = "2027-04-04";
    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    private static RequestSpecification as(String token) {
        return given().baseUri(Platform.suite().gatewayUrl()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A word no other test's data has, so that the console's searches find only this test's. */
    private static String word() {
        return ThreadLocalRandom.current().ints(8, 'a', 'z' + 1)
                .mapToObj(letter -> String.valueOf((char) letter)).collect(Collectors.joining());
    }

    /** A partner's item as it would send it, submitted for review; its id. */
    private static String submitted(String partner, Map<String, Object> item) {
        Map<String, Object> body = new HashMap<>(Map.of("language", "en", "categories", List.of("NEWS"),
                "mediaUrl", "https://cdn.console.example/" + item.get("externalId") + ".m3u8", "ageRating", "ALL_AGES",
                "thumbnailUrl", "https://cdn.console.example/" + item.get("externalId") + ".jpg",
                "availableFrom", "2026-11-01T00:00:00Z", "territories", List.of("AU"), "synopsis", "For the console."));
        body.putAll(item);
        String id = as(partner).body(body).when().post("/api/v1/content").then().statusCode(201).extract().path("id");
        as(partner).when().post("/api/v1/content/" + id + "/submit").then().statusCode(200);
        return id;
    }

    private static String approved(String partner, String admin, Map<String, Object> item) {
        String id = submitted(partner, item);
        String reviewed = as(admin).when().get("/api/v1/content/" + id).then().statusCode(200).extract().header("ETag");
        as(admin).header("If-Match", reviewed).when().post("/api/v1/content/" + id + "/approve").then().statusCode(200);
        return id;
    }

    @Test
    void operatorsAndAdminsWorkThroughTheConsoleAndAPartnerIsTurnedAway() throws IOException, InterruptedException {
        String unique = word();
        String partnerName = "newsroom" + unique;
        String partner = Platform.approvedPartnerToken(partnerName, "AU");
        String admin = Platform.token("suite-admin");
        String operator = Platform.token("suite-operator");
        String programme = "Morning Briefing " + unique;
        String live = "Election Night Live " + unique;
        String pending = "Weekend Review " + unique;
        // a slug is made of the name: lower case, no spaces
        String applicant = "applicant" + unique;
        approved(partner, admin, Map.of("externalId", "briefing-" + unique, "kind", "PROGRAMME", "title", programme,
                "durationSeconds", 1800));
        String filler = approved(partner, admin, Map.of("externalId", "filler-" + unique, "kind", "CLIP",
                "title", "Harbour Timelapse " + unique, "durationSeconds", 300));
        // 10:00-12:00 in Sydney, +10:00 once the clocks have gone back
        approved(partner, admin, Map.of("externalId", "live-" + unique, "kind", "LIVE_EVENT", "title", live,
                "start", "2027-04-04T00:00:00Z", "end", "2027-04-04T02:00:00Z"));
        submitted(partner, Map.of("externalId", "review-" + unique, "kind", "PROGRAMME", "title", pending,
                "durationSeconds", 3600));
        String channel = as(operator).body(Map.of("slug", "console-" + unique + ".au.example", "name", "Console Sydney " + unique,
                "timeZone", "Australia/Sydney", "territories", List.of("AU"), "fillerContentIds", List.of(filler)))
                .when().post("/api/v1/channels").then().statusCode(201).extract().path("id");
        String coveredDays = coveredDays(operator, channel);
        String rejectee = "rejectee" + unique;
        for (String name : List.of(applicant, rejectee)) {
            given().baseUri(Platform.suite().gatewayUrl()).contentType(ContentType.JSON)
                    .body(Platform.application(name, "AU"))
                    .when().post("/api/v1/applications").then().statusCode(201);
        }

        installDriver();
        ProcessBuilder walk = new ProcessBuilder("node", "console.mjs").directory(DRIVER.toFile()).redirectErrorStream(true);
        walk.environment().putAll(Map.of("PARTNER_NAME", partnerName, "COVERED_DAYS", coveredDays));
        walk.environment().putAll(Map.of(
                "CONSOLE_URL", Platform.suite().consoleUrl(),
                "CHANNEL_ID", channel,
                "CHANNEL_DATE", LONG_DAY,
                "PROGRAMME_TITLE", programme,
                "LIVE_TITLE", live,
                "PENDING_ITEM_TITLE", pending,
                "APPLICANT_NAME", applicant,
                "REJECTED_APPLICANT_NAME", rejectee,
                "SCREENSHOTS", SCREENSHOTS.toAbsolutePath().toString()));
        assertThat("the console walk (output above)", run(walk, WALK), equalTo(0));
    }

    /** Hours of the day after tomorrow filled in Sydney: a share of a day that has 23, 24 or 25. */
    private static final int FILLED_HOURS = 6;

    /**
     * Fills the channel from the filler rotation over the whole of tomorrow and the first six hours of the day
     * after, in Sydney: the days the channel list shows differently; each as date=share, as the console writes it.
     */
    private static String coveredDays(String operator, String channel) {
        LocalDate tomorrow = LocalDate.now(SYDNEY).plusDays(1);
        ZonedDateTime from = tomorrow.atStartOfDay(SYDNEY);
        ZonedDateTime dayAfter = tomorrow.plusDays(1).atStartOfDay(SYDNEY);
        ZonedDateTime to = dayAfter.plusHours(FILLED_HOURS);
        as(operator).queryParam("from", from.toInstant().toString()).queryParam("to", to.toInstant().toString())
                .when().post("/api/v1/channels/" + channel + "/fill").then().statusCode(200);
        // the length of a calendar day in Sydney, not a timing
        long hoursOfDayAfter = ChronoUnit.HOURS.between(dayAfter, dayAfter.toLocalDate().plusDays(1).atStartOfDay(SYDNEY));
        return tomorrow + "=100%," + dayAfter.toLocalDate() + "="
                + String.format(Locale.ROOT, "%.1f%%", 100.0 * FILLED_HOURS / hoursOfDayAfter);
    }

    /** The driver's script and its pinned dependencies, in target/ so that node_modules stays out of the sources. */
    private static void installDriver() throws IOException, InterruptedException {
        Files.createDirectories(DRIVER);
        for (String file : List.of("package.json", "package-lock.json", "console.mjs")) {
            Files.copy(DRIVER_SOURCES.resolve(file), DRIVER.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DRIVER.toFile())
                .redirectErrorStream(true);
        assertThat("npm ci of the console driver (output above)", run(install, NPM_CI), equalTo(0));
    }

    /**
     * Runs a process with its output shown as it comes, and its exit code; past {@code bound} it and what it
     * started (the browser) are stopped, so that no process outlives the test.
     */
    private static int run(ProcessBuilder builder, Duration bound) throws IOException, InterruptedException {
        Process process = builder.start();
        Thread echo = new Thread(() -> process.inputReader().lines().forEach(System.out::println));
        echo.setDaemon(true);
        echo.start();
        try {
            if (!process.waitFor(bound.toSeconds(), TimeUnit.SECONDS)) {
                System.out.println("[console] gave up after " + bound + ": " + String.join(" ", builder.command()));
                return -1;
            }
            echo.join(5_000);
            return process.exitValue();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}

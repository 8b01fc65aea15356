package io.syndication.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./suite}: starts the whole platform in the foreground and stops all of it on Ctrl-C.
 * The repository is the working directory; data and logs are kept under {@code .suite/}.
 */
public final class Suite {

    private Suite() {
    }

    public static void main(String[] args) throws InterruptedException {
        Instant started = Instant.now();
        SuiteSettings settings = SuiteSettings.forDevelopers(Path.of("").toAbsolutePath());
        PlatformSuite suite;
        Path credentials = settings.home().resolve("partner-credentials.json");
        try {
            suite = PlatformSuite.start(settings, step -> System.out.println("[suite] " + step));
        } catch (RuntimeException e) {
            System.err.println("[suite] " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[suite] Stopping everything");
            suite.close();
            stopped.countDown();
        }));
        List<String> channels;
        try {
            System.out.println("[suite] Onboarding the launch partners through the API");
            Map<String, String> partners = suite.onboardDemoPartners(credentials);
            System.out.println("[suite] Scheduling a 24/7 channel per launch partner for the next " + DemoChannels.DAYS + " days");
            channels = suite.scheduleDemoChannels(partners);
        } catch (RuntimeException e) {
            System.err.println("[suite] Could not create the demo data: " + e.getMessage());
            System.exit(1);
            return;
        }
        long seconds = Duration.between(started, Instant.now()).toSeconds();
        System.out.println("""

                [suite] Ready in %d s. Ctrl-C stops everything.

                  Gateway         %s
                  Console         %s  (sign in as operator / operator, channel-operator,
                                  or admin / admin, platform-admin)
                  Swagger UI      %s/q/swagger-ui  (and on each service: partner %s, content %s, schedule %s)
                  Token endpoint  %s
                  Kafka           %s  (every service's kafka.bootstrap.servers)
                  Health, metrics %s/q/health, /q/metrics on each management port (partner %s, content %s, schedule %s)

                  Demo clients (client-credentials grant):
                    suite-admin     / suite-admin-secret     role platform-admin
                    suite-operator  / suite-operator-secret  role channel-operator
                    suite-partner   / suite-partner-secret   role partner
                    the five launch partners: their client ids and secrets are in %s

                  Try:
                    TOKEN=$(curl -s -d grant_type=client_credentials -d client_id=suite-operator \\
                      -d client_secret=suite-operator-secret %s | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                    curl -H "Authorization: Bearer $TOKEN" %s/api/v1/channels
                    curl -H "Authorization: Bearer $TOKEN" "%s/api/v1/epg.xml?channel=%s&days=2"

                  Demo channels: %s
                """.formatted(seconds, suite.gatewayUrl(), suite.consoleUrl(), suite.gatewayUrl(),
                suite.serviceUrl("partner-service"), suite.serviceUrl("content-service"),
                suite.serviceUrl("schedule-service"), suite.tokenEndpoint(), suite.kafkaBootstrapServers(),
                suite.managementUrl("gateway"),
                suite.managementUrl("partner-service"), suite.managementUrl("content-service"),
                suite.managementUrl("schedule-service"), credentials, suite.tokenEndpoint(),
                suite.gatewayUrl(), suite.gatewayUrl(), channels.get(0), String.join(", ", channels)));
        stopped.await();
    }
}

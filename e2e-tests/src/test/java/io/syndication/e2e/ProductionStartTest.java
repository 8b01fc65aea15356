package io.syndication.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each packaged service started as production starts it, with none of the settings a deployment must
 * give: it exits at once, naming every missing setting and the variable that gives it (never a dev
 * default such as a database on localhost).
 */
class ProductionStartTest {

    /** A start that hangs (it should not get as far as connecting anywhere) is ended here, and fails. */
    private static final long BOUND_SECONDS = 120;

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "partner-service; OIDC_URL DB_HOST DB_USERNAME DB_PASSWORD KEYCLOAK_URL KEYCLOAK_ADMIN_CLIENT_SECRET KAFKA_BOOTSTRAP_SERVERS",
            "content-service; OIDC_URL DB_HOST DB_USERNAME DB_PASSWORD PARTNER_SERVICE_URL KAFKA_BOOTSTRAP_SERVERS",
            "schedule-service; OIDC_URL DB_HOST DB_USERNAME DB_PASSWORD CONTENT_SERVICE_URL KAFKA_BOOTSTRAP_SERVERS",
            "gateway; OIDC_URL DB_HOST DB_USERNAME DB_PASSWORD GATEWAY_PUBLIC_URL PARTNER_SERVICE_URL CONTENT_SERVICE_URL SCHEDULE_SERVICE_URL "
                    + "PARTNER_SERVICE_MANAGEMENT_URL CONTENT_SERVICE_MANAGEMENT_URL SCHEDULE_SERVICE_MANAGEMENT_URL" })
    void withoutItsSettingsAServiceRefusesToStartNamingEachOne(String service, String variables)
            throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("e2e.repository"), service, "target/quarkus-app/quarkus-run.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder start = new ProcessBuilder(java, "-jar", jar.toString()).redirectErrorStream(true);
        start.environment().clear();
        Process process = start.start();
        boolean exited = process.waitFor(BOUND_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly().waitFor();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output, exited, equalTo(true));
        assertThat(output, process.exitValue(), equalTo(1));
        assertThat(output, containsString("Refusing to start in production"));
        for (String variable : List.of(variables.trim().split("\\s+"))) {
            assertThat(output, containsString("needs the environment variable " + variable + ","));
        }
    }
}

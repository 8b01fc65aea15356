package io.syndication.e2e;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.restassured.http.ContentType;
import io.syndication.suite.PlatformSuite;
import io.syndication.suite.SuiteSettings;

/**
 * One running platform for all end-to-end test classes (starting Keycloak, Kafka and four services
 * takes tens of seconds), stopped when the test run ends.
 */
public class Platform implements BeforeAllCallback {

    private static SuiteSettings settings;
    private static PlatformSuite suite;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Platform.class, key -> {
            settings = SuiteSettings.forTests(Path.of(System.getProperty("e2e.repository")),
                    Path.of(System.getProperty("e2e.home")), Path.of(System.getProperty("e2e.keycloak-distribution")),
                    Path.of(System.getProperty("e2e.kafka-classpath")));
            suite = PlatformSuite.start(settings, step -> System.out.println("[e2e] " + step));
            return (ExtensionContext.Store.CloseableResource) suite::close;
        });
    }

    static PlatformSuite suite() {
        return suite;
    }

    static SuiteSettings settings() {
        return settings;
    }

    /** A client-credentials token from the platform's Keycloak. */
    static String token(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .when().post(suite.tokenEndpoint())
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** A token for one of the suite's demo clients, whose secret is its id and "-secret". */
    static String token(String demoClient) {
        return token(demoClient, demoClient + "-secret");
    }

    /** A partner onboarded through the gateway and approved: its id and its API client's credentials. */
    record Partner(String id, String clientId, String clientSecret) {

        /** A fresh client-credentials token of the partner's. */
        String token() {
            return Platform.token(clientId, clientSecret);
        }
    }

    /** An application of a partner called {@code name} (with a slug of its own), licensing in {@code territories}. */
    static Map<String, Object> application(String name, String... territories) {
        String slug = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        return Map.of("legalName", name + " Media Ltd", "displayName", name, "slug", slug, "category", "NEWS",
                "territories", List.of(territories), "languages", List.of("en"), "contactEmail", "desk@" + slug + ".example",
                "website", "https://" + slug + ".example", "agreementVersion", "2026-09");
    }

    /** A partner just onboarded through the gateway and approved, licensing in {@code territories}. */
    static Partner approvedPartner(String name, String... territories) {
        String id = given().baseUri(suite.gatewayUrl()).contentType(ContentType.JSON).body(application(name, territories))
                .when().post("/api/v1/applications")
                .then().statusCode(201).extract().path("id");
        var approval = given().baseUri(suite.gatewayUrl()).auth().oauth2(token("suite-admin")).contentType(ContentType.JSON)
                .body("{}").when().post("/api/v1/partners/" + id + "/approve")
                .then().statusCode(200).extract();
        return new Partner(id, approval.path("clientId"), approval.path("clientSecret"));
    }

    /** A token of a partner just onboarded through the gateway and approved, licensing in {@code territories}. */
    static String approvedPartnerToken(String name, String... territories) {
        return approvedPartner(name, territories).token();
    }
}

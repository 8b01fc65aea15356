package io.syndication.gateway.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URI;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.config.RedirectConfig;
import io.restassured.RestAssured;
import io.syndication.gateway.EchoUpstreamResource;

/** The console's files, public, under a policy that lets them talk only to the gateway and the identity provider. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(EchoUpstreamResource.class)
class ConsoleRoutesTest {

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realm;

    @Test
    void thePageIsPublicAndMayLoadNothingButTheGatewaysOwnFiles() {
        URI issuer = URI.create(realm);
        String identityProvider = issuer.getScheme() + "://" + issuer.getRawAuthority();
        given().when().get("/console/")
                .then().statusCode(200)
                .contentType("text/html")
                .body(containsString("<script type=\"module\" src=\"app.js\"></script>"), not(containsString("http")))
                .header("Content-Security-Policy", allOf(containsString("default-src 'none'"),
                        containsString("script-src 'self';"), containsString("connect-src 'self' " + identityProvider + ";"),
                        containsString("frame-ancestors 'none'")))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer");
        given().when().get("/console/app.js")
                .then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Content-Security-Policy", containsString("script-src 'self'"));
    }

    @Test
    void theSettingsNameTheRealmAndTheConsolesPublicClient() {
        given().when().get("/console/config.json")
                .then().statusCode(200)
                .contentType("application/json")
                .body("clientId", equalTo("console"))
                .body("issuer", equalTo(realm))
                .body("authorizationEndpoint", equalTo(realm + "/protocol/openid-connect/auth"))
                .body("tokenEndpoint", equalTo(realm + "/protocol/openid-connect/token"))
                .body("endSessionEndpoint", equalTo(realm + "/protocol/openid-connect/logout"));
    }

    @Test
    void theConsoleWithoutItsSlashIsRedirectedToIt() {
        given().config(RestAssured.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .when().get("/console")
                .then().statusCode(302)
                .header("Location", endsWith("/console/"));
    }
}

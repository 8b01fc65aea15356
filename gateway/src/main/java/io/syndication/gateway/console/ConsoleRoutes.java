package io.syndication.gateway.console;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.syndication.gateway.EdgeSteps;
import io.syndication.gateway.config.ConsoleConfig;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The operator and admin console: static files under {@code META-INF/resources/console/}, which Quarkus
 * serves, and here what they cannot know by themselves. {@code GET /console/config.json} tells the page
 * where its users sign in (so no address of the identity provider is written into the page), and every
 * answer under {@code /console} carries a Content-Security-Policy that lets the page load nothing but
 * the gateway's own files and talk to nothing but the gateway and the identity provider.
 */
@ApplicationScoped
public class ConsoleRoutes {

    private final String policy;
    private final Buffer settings;

    public ConsoleRoutes(ConsoleConfig config) {
        String issuer = config.issuer().toString().replaceAll("/+$", "");
        URI realm = URI.create(issuer);
        String identityProvider = realm.getScheme() + "://" + realm.getRawAuthority();
        // the sign-in page and the logout are whole-page navigations, which connect-src does not govern;
        // the code is exchanged for tokens, and they refreshed, by fetch
        this.policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
                + "connect-src 'self' " + identityProvider + "; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
        String endpoints = issuer + "/protocol/openid-connect";
        this.settings = new JsonObject()
                .put("clientId", config.clientId())
                .put("issuer", issuer)
                .put("authorizationEndpoint", endpoints + "/auth")
                .put("tokenEndpoint", endpoints + "/token")
                .put("endSessionEndpoint", endpoints + "/logout")
                .toBuffer();
    }

    void register(@Observes Router router) {
        // a regular expression: a plain "/console" route takes "/console/" too
        router.routeWithRegex("/console").order(EdgeSteps.CONSOLE.order()).handler(rc -> rc.redirect("/console/"));
        router.route("/console/*").order(EdgeSteps.CONSOLE.order()).handler(this::secure);
        router.get("/console/config.json").order(EdgeSteps.CONSOLE.order() + 1).handler(this::settings);
    }

    private void secure(RoutingContext rc) {
        rc.response()
                .putHeader("Content-Security-Policy", policy)
                .putHeader("X-Content-Type-Options", "nosniff")
                // the address bar briefly holds a sign-in's code: no other site is told it
                .putHeader("Referrer-Policy", "no-referrer")
                // a new release of the page is picked up at once, yet unchanged files answer 304
                .putHeader("Cache-Control", "no-cache");
        rc.next();
    }

    private void settings(RoutingContext rc) {
        rc.response().putHeader("Content-Type", "application/json").end(settings);
    }
}

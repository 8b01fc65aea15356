package io.syndication.gateway.config;

import java.net.URI;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the operator and admin console at {@code /console/} signs its users in. */
@ConfigMapping(prefix = "gateway.console")
public interface ConsoleConfig {

    /**
     * The identity provider's realm as browsers reach it, e.g. {@code https://id.syndication.example/realms/syndication}
     * (by default {@code quarkus.oidc.auth-server-url}, which the gateway itself may reach by an internal
     * address): the console sends its users there to sign in, and fetches their tokens from it.
     */
    URI issuer();

    /** The realm's public client of the console (authorization-code flow with PKCE, no secret). */
    @WithDefault("console")
    String clientId();
}

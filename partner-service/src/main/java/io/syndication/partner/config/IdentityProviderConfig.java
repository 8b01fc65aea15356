package io.syndication.partner.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where partner API clients are created, and how they are named and scoped. */
@ConfigMapping(prefix = "partner.identity-provider")
public interface IdentityProviderConfig {

    /** The realm that issues the platform's tokens. */
    @WithDefault("syndication")
    String realm();

    /** Partner client ids are this prefix and the partner's slug: {@code partner-cricket-council}. */
    @WithDefault("partner-")
    String clientIdPrefix();

    /** How long a change at the identity provider may take before the caller gets a 503 (the gateway waits 10 s). */
    @WithDefault("5s")
    Duration timeout();

    /** The audience every platform token carries. */
    @WithDefault("syndication-api")
    String audience();
}

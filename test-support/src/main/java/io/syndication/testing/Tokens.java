package io.syndication.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Bearer tokens shaped like the platform's Keycloak issues them (roles in {@code realm_access/roles},
 * the platform audience, {@code partner_id} for partners), signed with the key that
 * {@code OidcWiremockTestResource} publishes. Tests set {@code quarkus.oidc.auth-server-url} to that
 * server (see each service's test profile).
 */
public final class Tokens {

    /** The issuer {@code OidcWiremockTestResource} announces. */
    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "syndication-api";

    private Tokens() {
    }

    public static String admin() {
        return forRoles("admin@platform", List.of("platform-admin")).sign();
    }

    public static String operator() {
        return forRoles("operator@platform", List.of("channel-operator")).sign();
    }

    public static String partner(UUID partnerId) {
        return forRoles("service-account-partner-" + partnerId, List.of("partner"))
                .claim("partner_id", partnerId.toString())
                .sign();
    }

    /** A token for another audience: valid signature, but not meant for this platform. */
    public static String foreignAudience() {
        return forRoles("admin@platform", List.of("platform-admin")).audience("another-api").sign();
    }

    public static String expired() {
        long longAgo = System.currentTimeMillis() / 1000 - Duration.ofHours(2).toSeconds();
        return forRoles("admin@platform", List.of("platform-admin")).issuedAt(longAgo).expiresAt(longAgo + 300).sign();
    }

    private static JwtClaimsBuilder forRoles(String subject, List<String> roles) {
        return Jwt.issuer(ISSUER)
                .subject(subject)
                .audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", roles))
                .expiresIn(Duration.ofMinutes(5));
    }
}

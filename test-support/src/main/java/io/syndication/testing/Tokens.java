package io.syndication.testing;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;
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

    /** A token from another issuer, signed with the right key. */
    public static String wrongIssuer() {
        return forRoles("admin@platform", List.of("platform-admin")).issuer("https://evil.example").sign();
    }

    /** {@code alg: none}: claims anyone could write. */
    public static String unsigned() {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = encoder.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = encoder.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE
                + "\",\"sub\":\"mallory\",\"exp\":" + (System.currentTimeMillis() / 1000 + 300)
                + ",\"realm_access\":{\"roles\":[\"platform-admin\"]}}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    /** Signed with a key of the attacker's, under the key id the provider publishes. */
    public static String foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey key = generator.generateKeyPair().getPrivate();
            return forRoles("admin@platform", List.of("platform-admin")).jws().keyId("1").sign(key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

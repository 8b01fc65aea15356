package io.syndication.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Verifies a bearer token once and reuses the result: the gateway sees the same partner and
 * operator tokens thousands of times, and an RS256 check costs far more than the proxying. Only the
 * exact token (by its SHA-256) hits the cache; an entry lives until the token expires but at most
 * {@link #MAX_REUSE}, so a signing key the provider withdraws stops counting within that time; the
 * cache is bounded. Everything else, including every refusal, is quarkus-oidc's.
 */
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism {

    static final Duration MAX_REUSE = Duration.ofSeconds(60);

    private record Verified(SecurityIdentity identity, long usableUntilMillis) {
    }

    private final OidcAuthenticationMechanism oidc;
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(MAX_REUSE)
            .build();

    public VerifiedTokens(OidcAuthenticationMechanism oidc) {
        this.oidc = oidc;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Uni.createFrom().nullItem();
        }
        String key = sha256(authorization.substring(7).trim());
        Verified hit = verified.getIfPresent(key);
        if (hit != null && hit.usableUntilMillis() > System.currentTimeMillis()) {
            return Uni.createFrom().item(hit.identity());
        }
        return oidc.authenticate(context, identityProviderManager).map(identity -> {
            if (identity != null && identity.getPrincipal() instanceof JsonWebToken token) {
                long until = Math.min(token.getExpirationTime() * 1000, System.currentTimeMillis() + MAX_REUSE.toMillis());
                verified.put(key, new Verified(detached(identity), until));
            }
            return identity;
        });
    }

    /** The identity without what belongs to the request that first presented the token. */
    private static SecurityIdentity detached(SecurityIdentity identity) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .setAnonymous(false)
                .build();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        // no challenge of its own: BearerChallenge or quarkus-oidc answers
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return 3000;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

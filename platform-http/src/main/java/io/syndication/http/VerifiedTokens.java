package io.syndication.http;

import java.time.Duration;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;

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
 * Verifies a bearer token once and reuses the result, in the gateway and in every service: a
 * partner's or operator's token comes back thousands of times, and an RS256 check costs more than
 * answering most reads. Only the
 * exact {@code Authorization} header hits the cache (keyed by the header itself: the cached identity
 * holds the raw token anyway, so hashing it would protect nothing and cost a digest per request); an
 * entry lives until the token expires but at most {@link #MAX_REUSE}, so a signing key the provider
 * withdraws stops counting within that time; the cache is bounded (an entry, token and claims, is a
 * few kB). Everything else, including every refusal, is quarkus-oidc's.
 */
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism {

    static final Duration MAX_REUSE = Duration.ofSeconds(60);

    /**
     * Among the authentication mechanisms, which Quarkus asks from the highest priority until one
     * knows the caller: above quarkus-oidc's (quarkus.oidc.priority, 1001 by default), so that a
     * token verified once is taken from the cache instead of being verified again.
     */
    public static final int PRIORITY = 3000;

    private record Verified(SecurityIdentity identity, long usableUntilMillis) {
    }

    private final OidcAuthenticationMechanism oidc;
    private final Cache<String, Verified> verified = EventLoopCaches.builder()
            .maximumSize(10_000)
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
        Verified hit = verified.getIfPresent(authorization);
        if (hit != null && hit.usableUntilMillis() > System.currentTimeMillis()) {
            return Uni.createFrom().item(hit.identity());
        }
        return oidc.authenticate(context, identityProviderManager).map(identity -> {
            if (identity != null && identity.getPrincipal() instanceof JsonWebToken token) {
                long until = Math.min(token.getExpirationTime() * 1000, System.currentTimeMillis() + MAX_REUSE.toMillis());
                verified.put(authorization, new Verified(detached(identity), until));
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
        return PRIORITY;
    }
}

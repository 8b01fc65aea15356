package io.syndication.gateway.security;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/** Who a request was authenticated as, for the steps that follow Quarkus' authentication. */
public final class CallerIdentity {

    private CallerIdentity() {
    }

    /** Who the request was authenticated as, once the security layer ran; null before. */
    public static SecurityIdentity of(RoutingContext rc) {
        return rc.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }

    /** The OAuth client the token was issued to: one per partner integration, however many tokens it gets. */
    public static String clientId(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getClaim("azp") != null) {
            return token.getClaim("azp").toString();
        }
        return identity.getPrincipal().getName();
    }
}

package io.syndication.content.rest;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.syndication.content.Viewer;
import io.syndication.http.Roles;

/** Who is calling, from the verified token: the partner id comes from the token, never from the request. */
@RequestScoped
public class Viewers {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public Viewer current() {
        if (identity.hasRole(Roles.ADMIN)) {
            return new Viewer.Admin();
        }
        if (identity.hasRole(Roles.OPERATOR)) {
            return new Viewer.Operator();
        }
        String partnerId = token.getClaim(Roles.PARTNER_ID_CLAIM);
        if (identity.hasRole(Roles.PARTNER) && partnerId != null) {
            try {
                return new Viewer.Partner(UUID.fromString(partnerId));
            } catch (IllegalArgumentException e) {
                throw new ForbiddenException("The token's partner_id is not a partner id");
            }
        }
        throw new ForbiddenException("The token names no partner");
    }

    /** How the history names the caller: the user or client that acted. */
    public String name() {
        String username = token.getClaim("preferred_username");
        return username != null ? username : identity.getPrincipal().getName();
    }
}

package io.syndication.partner.rest;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.syndication.http.ProblemException;
import io.syndication.http.Roles;

/** Who is calling, from the verified token: a partner is always the partner its token names. */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public boolean isAdmin() {
        return identity.hasRole(Roles.ADMIN);
    }

    public boolean isOperator() {
        return identity.hasRole(Roles.OPERATOR);
    }

    /** The caller's own partner id, or null when the caller is not a partner. */
    public UUID partnerId() {
        String claim = token.getClaim(Roles.PARTNER_ID_CLAIM);
        if (!identity.hasRole(Roles.PARTNER) || claim == null) {
            return null;
        }
        try {
            return UUID.fromString(claim);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Fails with 404 unless the caller is an admin (or, when {@code operatorsToo}, an operator) or the
     * partner {@code id} itself: another partner's record must look exactly like a missing one.
     */
    public void mayAccess(UUID id, boolean operatorsToo) {
        if (isAdmin() || (operatorsToo && isOperator()) || id.equals(partnerId())) {
            return;
        }
        throw ProblemException.notFound("Partner " + id);
    }

    /** How the audit trail names the caller: the client or user that acted. */
    public String name() {
        String username = token.getClaim("preferred_username");
        String client = token.getClaim("azp");
        String name = username != null ? username : client != null ? client : identity.getPrincipal().getName();
        return isAdmin() ? "admin:" + name : partnerId() != null ? "partner:" + partnerId() : name;
    }
}

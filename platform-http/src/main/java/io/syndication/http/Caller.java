package io.syndication.http;

import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, read from the verified token in one place for every service and the gateway.
 * A partner is always the partner its own token's {@code partner_id} claim names, never a request
 * field; an admin's or operator's token is never a partner's, whatever claims it carries.
 *
 * @param name how audit trails name the caller: the user, else the client, that acted
 * @param partnerId the caller's partner, or null when the caller is not a partner (or its claim is
 *        not a partner id)
 */
public record Caller(String name, boolean admin, boolean operator, boolean partnerRole, UUID partnerId) {

    private static final Caller ANONYMOUS = new Caller(null, false, false, false, null);

    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return ANONYMOUS;
        }
        boolean admin = identity.hasRole(Roles.ADMIN);
        boolean operator = identity.hasRole(Roles.OPERATOR);
        boolean partnerRole = identity.hasRole(Roles.PARTNER) && !admin && !operator;
        String name = identity.getPrincipal().getName();
        UUID partnerId = null;
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            name = firstOf(token.getClaim("preferred_username"), token.getClaim("azp"), name);
            partnerId = partnerRole ? partnerIdOf(token.getClaim(Roles.PARTNER_ID_CLAIM)) : null;
        }
        return new Caller(name, admin, operator, partnerRole, partnerId);
    }

    private static UUID partnerIdOf(Object claim) {
        if (claim == null) {
            return null;
        }
        try {
            return UUID.fromString(claim.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String firstOf(Object username, Object client, String principal) {
        return username != null ? username.toString() : client != null ? client.toString() : principal;
    }
}

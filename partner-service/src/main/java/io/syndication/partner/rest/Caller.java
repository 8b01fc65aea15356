package io.syndication.partner.rest;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.SecurityIdentity;
import io.syndication.http.ProblemException;

/**
 * What partner-service makes of who is calling ({@link io.syndication.http.Caller}, read from the
 * verified token): a partner is always the partner its token names, and sees no other.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    private io.syndication.http.Caller verified;

    public boolean isAdmin() {
        return verified().admin();
    }

    public boolean isOperator() {
        return verified().operator();
    }

    /** The caller's own partner id, or null when the caller is not a partner. */
    public UUID partnerId() {
        return verified().partnerId();
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

    /** How the audit trail names the caller: an admin by name, a partner by its id. */
    public String name() {
        String name = verified().name();
        return isAdmin() ? "admin:" + name : partnerId() != null ? "partner:" + partnerId() : name;
    }

    private io.syndication.http.Caller verified() {
        if (verified == null) {
            verified = io.syndication.http.Caller.of(identity);
        }
        return verified;
    }
}

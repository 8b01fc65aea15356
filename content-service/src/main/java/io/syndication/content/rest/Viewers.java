package io.syndication.content.rest;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.syndication.content.Viewer;
import io.syndication.http.Caller;
import io.syndication.http.ProblemType;
import io.syndication.http.Roles;

/** Who is calling, from the verified token: the partner id comes from the token, never from the request. */
@RequestScoped
public class Viewers {

    @Inject
    SecurityIdentity identity;

    private Caller caller;

    public Viewer current() {
        Caller caller = caller();
        if (caller.admin()) {
            return new Viewer.Admin(caller.name());
        }
        if (caller.operator()) {
            return new Viewer.Operator(caller.name());
        }
        if (caller.partnerId() != null) {
            return new Viewer.Partner(caller.partnerId());
        }
        throw new ForbiddenException(caller.partnerRole() && namesAPartner()
                ? "The token's partner_id is not a partner id"
                : "The token names no partner");
    }

    /** The caller's own partner, for what only a partner does. */
    public Viewer.Partner partner() {
        if (current() instanceof Viewer.Partner partner) {
            return partner;
        }
        throw ProblemType.FORBIDDEN.exception("Only a partner submits content");
    }

    /** The partner whose token this is, or null for anyone else (or no token at all). */
    public UUID partnerId() {
        return caller().partnerId();
    }

    /** Read once a request: the filter and the resource both ask. */
    private Caller caller() {
        if (caller == null) {
            caller = Caller.of(identity);
        }
        return caller;
    }

    private boolean namesAPartner() {
        return identity.getPrincipal() instanceof JsonWebToken token && token.containsClaim(Roles.PARTNER_ID_CLAIM);
    }
}

package io.syndication.partner.credentials;

import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.syndication.http.ProblemException;
import io.syndication.http.ProblemType;

/**
 * The identity provider's side of a partner: a confidential client with the client-credentials
 * grant, the {@code partner} role, a {@code partner_id} claim and the platform audience. A client
 * belongs to a partner only if its {@code partner_id} claim names that partner: no other client
 * (the platform's own among them) is ever reused, enabled, disabled or given a new secret for one.
 */
public interface PartnerCredentials {

    /** Whether the client id a partner with this slug would get already names some client. */
    Uni<Boolean> clientIdTaken(String slug);

    /**
     * The partner's client, enabled, with a new secret: the old secret no longer obtains tokens. Creates
     * the client if the identity provider does not have it (first approval, or one lost since); a
     * client of that id that is not the partner's is a 409 problem.
     */
    Uni<IssuedCredentials> issue(UUID partnerId, String slug, String displayName);

    /** A disabled client obtains no new tokens. A client that is not the partner's is left alone. */
    Uni<Void> setEnabled(UUID partnerId, String clientId, boolean enabled);

    /** The state of the partner's client at the identity provider. */
    Uni<ClientState> state(UUID partnerId, String clientId);

    /** The 409 of a slug whose client id already names a client that is not the partner's. */
    static ProblemException clientIdTakenProblem(String slug) {
        return ProblemType.CLIENT_ID_TAKEN.exception("The slug '" + slug
                + "' names a client the identity provider already has for someone else; choose another slug");
    }
}

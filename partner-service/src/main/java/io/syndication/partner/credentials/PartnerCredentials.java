package io.syndication.partner.credentials;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * The identity provider's side of a partner: a confidential client with the client-credentials
 * grant, the {@code partner} role, a {@code partner_id} claim and the platform audience.
 */
public interface PartnerCredentials {

    /** Creates the partner's client (or takes over the one left by an earlier attempt) with a new secret. */
    Uni<IssuedCredentials> issue(UUID partnerId, String slug, String displayName);

    /** A new secret; the old one no longer obtains tokens. */
    Uni<IssuedCredentials> rotate(String clientId);

    /** A disabled client obtains no new tokens. */
    Uni<Void> setEnabled(String clientId, boolean enabled);
}

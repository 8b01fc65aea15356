package io.syndication.partner.credentials;

import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * The identity provider's side of a partner: a confidential client with the client-credentials
 * grant, the {@code partner} role, a {@code partner_id} claim and the platform audience.
 */
public interface PartnerCredentials {

    /**
     * The partner's client, enabled, with a new secret: the old secret no longer obtains tokens. Creates
     * the client if the identity provider does not have it (first approval, or one lost since).
     */
    Uni<IssuedCredentials> issue(UUID partnerId, String slug, String displayName);

    /** A disabled client obtains no new tokens. */
    Uni<Void> setEnabled(String clientId, boolean enabled);
}

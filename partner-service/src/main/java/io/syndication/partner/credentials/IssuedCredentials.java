package io.syndication.partner.credentials;

/** A partner's API client and its secret, shown to the caller once and never stored by us. */
public record IssuedCredentials(String clientId, String clientSecret) {
}

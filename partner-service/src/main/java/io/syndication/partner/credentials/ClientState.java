package io.syndication.partner.credentials;

/** What the identity provider holds under a partner's client id. */
public enum ClientState {
    ENABLED,
    DISABLED,
    /** No client by that id: it was deleted at the identity provider. */
    MISSING,
    /** A client by that id exists but was not created for this partner: never touched on its behalf. */
    NOT_OWNED
}

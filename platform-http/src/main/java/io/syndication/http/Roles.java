package io.syndication.http;

/** The platform's roles, as the identity provider puts them in {@code realm_access/roles}. */
public final class Roles {

    public static final String ADMIN = "platform-admin";
    public static final String OPERATOR = "channel-operator";
    public static final String PARTNER = "partner";

    /** The claim a partner's token carries naming its partner record. */
    public static final String PARTNER_ID_CLAIM = "partner_id";

    private Roles() {
    }
}

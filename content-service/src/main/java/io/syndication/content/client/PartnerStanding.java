package io.syndication.content.client;

import java.util.List;

/** What content-service needs to know of a partner: may it act, and where is it licensed. */
public record PartnerStanding(boolean active, List<String> territories) {

    static final PartnerStanding REFUSED = new PartnerStanding(false, List.of());
}

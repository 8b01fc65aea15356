package io.syndication.partner.rest;

import java.util.UUID;

import io.syndication.partner.Partner;
import io.syndication.partner.PartnerCategory;
import io.syndication.partner.PartnerStatus;

/** A partner as the API shows it. */
public record PartnerView(UUID id, String slug, String legalName, String displayName, PartnerCategory category,
        PartnerStatus status, long version) {

    static PartnerView of(Partner partner) {
        return new PartnerView(partner.id, partner.slug, partner.legalName, partner.displayName, partner.category,
                partner.status, partner.version);
    }
}

package io.syndication.partner.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.syndication.partner.Partner;
import io.syndication.partner.PartnerCategory;
import io.syndication.partner.PartnerStatus;

/** A partner as the API shows it. */
public record PartnerView(UUID id, String slug, String legalName, String displayName, PartnerCategory category,
        List<String> territories, List<String> languages, String contactEmail, String website, String webhookUrl,
        String agreementVersion, Instant agreementAcceptedAt, PartnerStatus status, String clientId, long version,
        Instant createdAt, Instant updatedAt) {

    static PartnerView of(Partner partner) {
        return new PartnerView(partner.id, partner.slug, partner.legalName, partner.displayName, partner.category,
                partner.territories, partner.languages, partner.contactEmail, partner.website, partner.webhookUrl,
                partner.agreementVersion, partner.agreementAcceptedAt, partner.status, partner.clientId,
                partner.version, partner.createdAt, partner.updatedAt);
    }
}

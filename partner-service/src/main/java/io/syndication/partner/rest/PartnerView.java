package io.syndication.partner.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.partner.Partner;
import io.syndication.partner.PartnerCategory;
import io.syndication.partner.PartnerStatus;

/** A partner as the API shows it. */
public record PartnerView(
        @Schema(examples = "6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0002") UUID id,
        @Schema(examples = "cricket-council") String slug,
        @Schema(examples = "Asian Cricket Council Ltd") String legalName,
        @Schema(examples = "ACC Cricket") String displayName,
        PartnerCategory category,
        @Schema(examples = "[\"IN\", \"SG\", \"AU\"]") List<String> territories,
        @Schema(examples = "[\"en\", \"hi-IN\"]") List<String> languages,
        @Schema(examples = "partnerships@cricket-council.example") String contactEmail,
        @Schema(examples = "https://www.cricket-council.example") String website,
        @Schema(examples = "https://api.cricket-council.example/hooks/syndication") String webhookUrl,
        @Schema(examples = "2026-09") String agreementVersion,
        @Schema(examples = "2026-11-02T09:15:30Z") Instant agreementAcceptedAt,
        PartnerStatus status,
        @Schema(description = "The partner's API client at the identity provider, once approved", examples = "partner-cricket-council") String clientId,
        @Schema(description = "Changes with every edit; sent as the ETag", examples = "3") long version,
        @Schema(examples = "2026-11-02T09:15:30Z") Instant createdAt,
        @Schema(examples = "2026-11-03T11:02:00Z") Instant updatedAt) {

    public static PartnerView of(Partner partner) {
        return new PartnerView(partner.id, partner.slug, partner.legalName, partner.displayName, partner.category,
                partner.territories, partner.languages, partner.contactEmail, partner.website, partner.webhookUrl,
                partner.agreementVersion, partner.agreementAcceptedAt, partner.status, partner.clientId,
                partner.version, partner.createdAt, partner.updatedAt);
    }
}

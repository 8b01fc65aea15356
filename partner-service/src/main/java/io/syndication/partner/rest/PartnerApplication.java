package io.syndication.partner.rest;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.http.validation.HttpsUrl;
import io.syndication.partner.webhooks.WebhookUrl;
import io.syndication.http.validation.LanguageTag;
import io.syndication.http.validation.Territory;
import io.syndication.partner.Partner;
import io.syndication.partner.PartnerCategory;

/** An application to become a partner. */
@Schema(description = "An application to become a partner")
public record PartnerApplication(
        @Schema(examples = "Asian Cricket Council Ltd") @NotBlank @Size(max = 200) String legalName,
        @Schema(examples = "ACC Cricket") @NotBlank @Size(max = 100) String displayName,
        @Schema(description = "Lower-case letters, digits and inner hyphens, 3 to 63 characters; also the partner's client id suffix",
                examples = "cricket-council")
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,61}[a-z0-9]", message = "must be 3 to 63 lower-case letters, digits and inner hyphens")
        String slug,
        @NotNull PartnerCategory category,
        @Schema(description = "ISO 3166-1 alpha-2 codes where the partner licenses content", examples = "[\"IN\", \"SG\", \"AU\"]")
        @NotEmpty @Size(max = 250) List<@NotNull @Territory String> territories,
        @Schema(description = "BCP 47 language tags", examples = "[\"en\", \"hi-IN\"]")
        @NotEmpty @Size(max = 50) List<@NotNull @LanguageTag String> languages,
        @Schema(examples = "partnerships@cricket-council.example")
        @NotBlank @Size(max = 254) @Email(regexp = ".+@.+\\..+") String contactEmail,
        @Schema(examples = "https://www.cricket-council.example") @NotNull @Size(max = 2048) @HttpsUrl String website,
        @Schema(description = "Optional: where moderation decisions are posted", examples = "https://api.cricket-council.example/hooks/syndication")
        @Size(max = 2048) @WebhookUrl String webhookUrl,
        @Schema(description = "The version of the partner agreement accepted: the current one", examples = "2026-09")
        @NotBlank @Size(max = 40) String agreementVersion) {

    Partner toPartner() {
        Partner partner = new Partner();
        partner.legalName = legalName;
        partner.displayName = displayName;
        partner.slug = slug;
        partner.category = category;
        partner.territories = List.copyOf(territories);
        partner.languages = List.copyOf(languages);
        partner.contactEmail = contactEmail;
        partner.website = website;
        partner.webhookUrl = webhookUrl;
        return partner;
    }
}

package io.syndication.partner.rest;

import java.util.List;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.http.validation.HttpsUrl;
import io.syndication.partner.webhooks.WebhookUrl;
import io.syndication.http.validation.LanguageTag;
import io.syndication.http.validation.Territory;
import io.syndication.partner.PartnerCategory;
import io.syndication.partner.PartnerEdit;

/**
 * A partial change to a partner record: absent fields stay as they are. A partner may change its
 * display name, contact, website, webhook and languages; legal name, category and territories are
 * changed by a platform admin.
 */
@Schema(description = "A partial change to a partner record; absent fields stay as they are")
public record PartnerPatch(
        @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String legalName,
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String displayName,
        PartnerCategory category,
        @Size(min = 1, max = 250) List<@NotNull @Territory String> territories,
        @Size(min = 1, max = 50) List<@NotNull @LanguageTag String> languages,
        @Size(max = 254) @Email(regexp = ".+@.+\\..+") String contactEmail,
        @Size(max = 2048) @HttpsUrl String website,
        @Size(max = 2048) @WebhookUrl String webhookUrl) {

    PartnerEdit toEdit() {
        return new PartnerEdit(legalName, displayName, category, territories, languages, contactEmail, website,
                webhookUrl);
    }
}

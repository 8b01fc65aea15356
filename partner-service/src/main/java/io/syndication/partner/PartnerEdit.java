package io.syndication.partner;

import java.util.ArrayList;
import java.util.List;

/** A change to a partner record; null leaves a field as it is. */
public record PartnerEdit(String legalName, String displayName, PartnerCategory category, List<String> territories,
        List<String> languages, String contactEmail, String website, String webhookUrl) {

    /** The fields only a platform admin may change: what the partner is and where it is licensed. */
    public List<String> adminOnlyFields() {
        List<String> fields = new ArrayList<>();
        if (legalName != null) {
            fields.add("legalName");
        }
        if (category != null) {
            fields.add("category");
        }
        if (territories != null) {
            fields.add("territories");
        }
        return fields;
    }

    void applyTo(Partner partner) {
        if (legalName != null) {
            partner.legalName = legalName;
        }
        if (displayName != null) {
            partner.displayName = displayName;
        }
        if (category != null) {
            partner.category = category;
        }
        if (territories != null) {
            partner.territories = territories;
        }
        if (languages != null) {
            partner.languages = languages;
        }
        if (contactEmail != null) {
            partner.contactEmail = contactEmail;
        }
        if (website != null) {
            partner.website = website;
        }
        if (webhookUrl != null) {
            partner.webhookUrl = webhookUrl;
        }
    }
}

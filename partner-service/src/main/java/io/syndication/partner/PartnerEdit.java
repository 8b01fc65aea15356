package io.syndication.partner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A change to a partner record; null leaves a field as it is. */
public record PartnerEdit(String legalName, String displayName, PartnerCategory category, List<String> territories,
        List<String> languages, String contactEmail, String website, String webhookUrl) {

    /** The fields only a platform admin may change: what the partner is and where it is licensed. */
    public List<String> adminOnlyFields() {
        Map<String, Object> adminOnly = new LinkedHashMap<>();
        adminOnly.put("legalName", legalName);
        adminOnly.put("category", category);
        adminOnly.put("territories", territories);
        adminOnly.values().removeIf(Objects::isNull);
        return List.copyOf(adminOnly.keySet());
    }

    void applyTo(Partner partner) {
        partner.legalName = orKeep(legalName, partner.legalName);
        partner.displayName = orKeep(displayName, partner.displayName);
        partner.category = orKeep(category, partner.category);
        partner.territories = orKeep(territories, partner.territories);
        partner.languages = orKeep(languages, partner.languages);
        partner.contactEmail = orKeep(contactEmail, partner.contactEmail);
        partner.website = orKeep(website, partner.website);
        partner.webhookUrl = orKeep(webhookUrl, partner.webhookUrl);
    }

    private static <T> T orKeep(T change, T current) {
        return change != null ? change : current;
    }
}

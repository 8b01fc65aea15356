package io.syndication.partner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What an edit changed on a partner, field by field, for the audit trail. */
public final class PartnerChanges {

    /** One field's value before and after. */
    @RegisterForReflection
    public record Change(Object from, Object to) {
    }

    private PartnerChanges() {
    }

    /** The fields a partner record is edited by, with their current values. */
    public static Map<String, Object> snapshot(Partner partner) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("legalName", partner.legalName);
        fields.put("displayName", partner.displayName);
        fields.put("category", partner.category);
        fields.put("territories", partner.territories);
        fields.put("languages", partner.languages);
        fields.put("contactEmail", partner.contactEmail);
        fields.put("website", partner.website);
        fields.put("webhookUrl", partner.webhookUrl);
        fields.put("status", partner.status);
        fields.put("clientId", partner.clientId);
        return fields;
    }

    public static Map<String, Change> between(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Change> changes = new LinkedHashMap<>();
        before.forEach((field, old) -> {
            Object now = after.get(field);
            if (!Objects.equals(old, now)) {
                changes.put(field, new Change(old, now));
            }
        });
        return changes;
    }
}

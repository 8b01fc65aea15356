package io.syndication.partner.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.syndication.partner.PartnerStatus;

/** What an applicant learns of its application: only its id and status. */
public record ApplicationReceipt(@Schema(examples = "6f1c7f4e-1a52-4c7e-9d0b-0d7f3a1e0002") UUID id, PartnerStatus status) {
}

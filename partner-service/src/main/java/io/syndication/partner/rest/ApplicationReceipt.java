package io.syndication.partner.rest;

import java.util.UUID;

import io.syndication.partner.PartnerStatus;

/** What an applicant learns of its application: only its id and status. */
public record ApplicationReceipt(UUID id, PartnerStatus status) {
}

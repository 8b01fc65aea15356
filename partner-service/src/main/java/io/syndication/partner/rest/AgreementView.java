package io.syndication.partner.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The current partner agreement, public so that applicants can read what they accept. */
public record AgreementView(
        @Schema(examples = "2026-09") String version,
        @Schema(examples = "Partner Content Syndication Agreement, September 2026") String title,
        @Schema(examples = "By applying you confirm that you hold the rights to the content you submit...") String text) {
}

package io.syndication.partner.credentials;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner's API client and its secret, shown to the caller once and never stored by us. */
public record IssuedCredentials(
        @Schema(examples = "partner-cricket-council") String clientId,
        @Schema(description = "Shown this once", examples = "q8X2vZr1KwP9mT4sLd0Yc7Hn") String clientSecret) {
}

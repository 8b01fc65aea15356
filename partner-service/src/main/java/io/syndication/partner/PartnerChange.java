package io.syndication.partner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.syndication.partner.rest.PartnerView;

/**
 * The data of a partner event: the partner as the API shows it after the step, and the admin's
 * reason for a rejection, suspension or termination.
 */
public record PartnerChange(@JsonUnwrapped PartnerView partner, @JsonInclude(JsonInclude.Include.NON_NULL) String reason) {
}

package io.syndication.partner.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.syndication.partner.config.AgreementConfig;

@Path("/api/v1/applications/agreement")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Applying to become a partner")
public class AgreementResource {

    private final AgreementConfig agreement;

    public AgreementResource(AgreementConfig agreement) {
        this.agreement = agreement;
    }

    @GET
    @PermitAll
    @Operation(operationId = "getAgreement", summary = "Read the current partner agreement",
            description = "Public: applicants accept this version when they apply.")
    public AgreementView current() {
        return new AgreementView(agreement.version(), agreement.title(), agreement.text());
    }
}

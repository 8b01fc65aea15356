package io.syndication.partner.rest;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.syndication.partner.PartnerService;
import io.syndication.partner.config.AgreementConfig;

@Path("/api/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Applying to become a partner")
public class ApplicationResource {

    private final PartnerService service;
    private final AgreementConfig agreement;

    public ApplicationResource(PartnerService service, AgreementConfig agreement) {
        this.service = service;
        this.agreement = agreement;
    }

    @GET
    @Path("/agreement")
    @PermitAll
    @Operation(operationId = "getAgreement", summary = "Read the current partner agreement",
            description = "Public: applicants accept this version when they apply.")
    public AgreementView agreement() {
        return new AgreementView(agreement.version(), agreement.title(), agreement.text());
    }

    @POST
    @PermitAll
    @SecurityRequirements
    @APIResponse(responseCode = "201", description = "Application recorded; Location names the new partner",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationReceipt.class)))
    @Operation(operationId = "applyAsPartner", summary = "Apply to become a partner",
            description = "Public, no token: creates a partner in status APPLIED for an admin to review. "
                    + "The answer says only the new partner's id and status.")
    public Uni<Response> apply(@NotNull @Valid PartnerApplication application) {
        return service.apply(application.toPartner(), application.agreementVersion(),
                "applicant:" + application.contactEmail())
                .map(partner -> Response.created(URI.create("/api/v1/partners/" + partner.id))
                        .entity(new ApplicationReceipt(partner.id, partner.status))
                        .build());
    }
}

package io.syndication.partner.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.syndication.http.Roles;
import io.syndication.partner.CredentialReconciliation;

@Path("/api/v1/partners/reconciliation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partners", description = "Partner records and their lifecycle")
public class ReconciliationResource {

    private final CredentialReconciliation reconciliation;
    private final Caller caller;

    public ReconciliationResource(CredentialReconciliation reconciliation, Caller caller) {
        this.reconciliation = reconciliation;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "reconcilePartnerCredentials", summary = "Reconcile partners with their identity-provider clients",
            description = "Checks every partner that has a client: an ACTIVE partner's client is enabled, any other's disabled. "
                    + "Repairs what disagrees (each repair is an audit event) and reports every partner that needed attention: "
                    + "DISABLED, ENABLED, CLIENT_MISSING (rotate its credentials), CLIENT_NOT_OWNED (left alone) or BUSY "
                    + "(a change was under way; run again). Also runs when the service starts.")
    public Uni<CredentialReconciliation.Report> reconcile() {
        return reconciliation.reconcile(caller.name());
    }
}

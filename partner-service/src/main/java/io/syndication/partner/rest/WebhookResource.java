package io.syndication.partner.rest;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.syndication.http.Page;
import io.syndication.http.ProblemType;
import io.syndication.http.Roles;
import io.syndication.partner.webhooks.DeliveryTable.DeliveryLog;
import io.syndication.partner.webhooks.WebhookService;
import io.syndication.partner.webhooks.WebhookService.Subscriber;
import io.syndication.partner.webhooks.WebhookSubscription;

@Path("/api/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.PARTNER })
@Tag(name = "Webhooks", description = "Events posted to your HTTPS endpoint as they happen, signed (Standard Webhooks); the events are described at /asyncapi")
public class WebhookResource {

    /** An answer that carries a signing secret: no cache along the way may keep it. */
    private static final String NO_STORE = "no-store";

    private final WebhookService webhooks;
    private final Caller caller;

    public WebhookResource(WebhookService webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @POST
    @APIResponseSchema(value = WebhookView.class, responseCode = "201",
            responseDescription = "The subscription, with its signing secret shown this once")
    @Operation(operationId = "createWebhook", summary = "Subscribe to events",
            description = "A partner receives the events about itself, its content and the slots airing its content; an admin's subscription is platform-wide. "
                    + "Deliveries are at least once, in order per subject, retried with exponential backoff for 24 h; a subscription failing for 24 h is disabled.")
    public Uni<Response> create(@NotNull @Valid WebhookRequest request) {
        return webhooks.subscribe(subscriber(), request.url(), request.eventTypes())
                .map(created -> Response.created(URI.create("/api/v1/webhooks/" + created.id))
                        .entity(WebhookView.withSecret(created)).header("Cache-Control", NO_STORE).build());
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "List your subscriptions",
            description = "A partner's own; an admin sees every one. Oldest first, with cursor paging.")
    public Uni<Page<WebhookView>> list(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @QueryParam("next") String next) {
        TimeAndId after = TimeAndId.parse(Page.after(next));
        return webhooks.list(subscriber(), after.time(), after.id(), limit + 1)
                .map(rows -> Page.of(rows, limit, (WebhookSubscription s) -> TimeAndId.key(s.createdAt, s.id), WebhookView::of));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "Read a subscription")
    public Uni<WebhookView> get(@PathParam("id") UUID id) {
        return webhooks.find(subscriber(), id).map(WebhookView::of);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Operation(operationId = "updateWebhook", summary = "Change a subscription",
            description = "Its URL, its event types, or whether it is enabled; enabling resumes a subscription disabled after 24 h of failures.")
    public Uni<WebhookView> update(@PathParam("id") UUID id, @NotNull @Valid WebhookPatch patch) {
        return webhooks.change(subscriber(), id, patch.url(), patch.eventTypes(), patch.enabled()).map(WebhookView::of);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription", description = "Its delivery log goes with it.")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return webhooks.delete(subscriber(), id).map(deleted -> Response.noContent().build());
    }

    @POST
    @Path("/{id}/secret/rotate")
    @APIResponseSchema(value = WebhookView.class, responseDescription = "The subscription with its new secret, shown this once")
    @Operation(operationId = "rotateWebhookSecret", summary = "Rotate a subscription's signing secret",
            description = "For 24 h both the new and the previous secret sign every delivery (two v1 signatures), so a receiver can switch without missing one.")
    public Uni<Response> rotate(@PathParam("id") UUID id) {
        return webhooks.rotateSecret(subscriber(), id)
                .map(rotated -> Response.ok(WebhookView.withSecret(rotated)).header("Cache-Control", NO_STORE).build());
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "Read a subscription's delivery log",
            description = "Newest first, with cursor paging: each event's type, attempts, last status code and latency, and its next retry.")
    public Uni<Page<DeliveryView>> deliveries(@PathParam("id") UUID id,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @QueryParam("next") String next) {
        return webhooks.deliveries(subscriber(), id, Page.afterPosition(next), limit + 1)
                .map(rows -> Page.of(rows, limit, (DeliveryLog log) -> Long.toString(log.position()), DeliveryView::of));
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Deliver an event again",
            description = "Queues the delivery now, with a fresh 24 h of retries; the answer is 202 and the log shows how it went.")
    public Uni<Response> redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        return webhooks.redeliver(subscriber(), id, deliveryId).map(queued -> Response.accepted().build());
    }

    private Subscriber subscriber() {
        if (!caller.isAdmin() && caller.partnerId() == null) {
            throw ProblemType.FORBIDDEN.exception("Your token names no partner");
        }
        return caller.isAdmin() ? Subscriber.ADMIN : new Subscriber(caller.partnerId());
    }
}

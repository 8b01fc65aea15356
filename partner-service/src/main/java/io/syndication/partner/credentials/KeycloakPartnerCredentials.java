package io.syndication.partner.credentials;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;

import org.jboss.logging.Logger;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.syndication.http.ProblemException;
import io.syndication.http.ProblemType;
import io.syndication.http.Roles;
import io.syndication.partner.config.IdentityProviderConfig;

/** Partner clients in Keycloak, through its admin API. */
@ApplicationScoped
public class KeycloakPartnerCredentials implements PartnerCredentials {

    private static final Logger LOG = Logger.getLogger(KeycloakPartnerCredentials.class);
    private static final String PARTNER_ID_MAPPER = "oidc-hardcoded-claim-mapper";

    private final Keycloak keycloak;
    private final IdentityProviderConfig config;

    /**
     * One admin client for the service's life, not the extension's injectable one: that one is
     * request-scoped, and closing it at the end of each request logs out at Keycloak, a blocking
     * call on the event loop that froze the whole service while Keycloak did not answer.
     */
    public KeycloakPartnerCredentials(IdentityProviderConfig config,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.server-url") String serverUrl,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.realm") String realm,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.client-id") String clientId,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.client-secret") String clientSecret) {
        this.config = config;
        this.keycloak = KeycloakBuilder.builder().serverUrl(serverUrl).realm(realm)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(clientId).clientSecret(clientSecret).build();
    }

    @PreDestroy
    void close() {
        keycloak.close();
    }

    @Override
    public Uni<Boolean> clientIdTaken(String slug) {
        return atIdentityProvider(() -> existingClient(config.clientIdPrefix() + slug) != null);
    }

    @Override
    public Uni<IssuedCredentials> issue(UUID partnerId, String slug, String displayName) {
        return atIdentityProvider(() -> {
            String clientId = config.clientIdPrefix() + slug;
            RealmResource realm = realm();
            ClientRepresentation existing = existingClient(clientId);
            String id;
            if (existing == null) {
                id = create(realm, slug, partnerId, displayName);
            } else if (ownedBy(existing, partnerId)) {
                id = existing.getId();
            } else {
                LOG.errorf("Refused to issue credentials of client %s, which is not partner %s's", clientId, partnerId);
                throw PartnerCredentials.clientIdTakenProblem(slug);
            }
            ClientResource client = realm.clients().get(id);
            ClientRepresentation representation = client.toRepresentation();
            representation.setEnabled(true);
            client.update(representation);
            RoleRepresentation partnerRole = realm.roles().get(Roles.PARTNER).toRepresentation();
            realm.users().get(client.getServiceAccountUser().getId()).roles().realmLevel().add(List.of(partnerRole));
            return new IssuedCredentials(clientId, client.generateNewSecret().getValue());
        });
    }

    @Override
    public Uni<Void> setEnabled(UUID partnerId, String clientId, boolean enabled) {
        return atIdentityProvider(() -> {
            ClientRepresentation existing = existingClient(clientId);
            if (existing == null || !ownedBy(existing, partnerId)) {
                // nothing of the partner's to change; a partner whose client is gone gets a new one when it rotates
                LOG.warnf("Keycloak has no client %s of partner %s to %s", clientId, partnerId, enabled ? "enable" : "disable");
                return null;
            }
            ClientResource client = realm().clients().get(existing.getId());
            ClientRepresentation representation = client.toRepresentation();
            representation.setEnabled(enabled);
            client.update(representation);
            return (Void) null;
        });
    }

    @Override
    public Uni<ClientState> state(UUID partnerId, String clientId) {
        return atIdentityProvider(() -> {
            ClientRepresentation existing = existingClient(clientId);
            if (existing == null) {
                return ClientState.MISSING;
            }
            if (!ownedBy(existing, partnerId)) {
                return ClientState.NOT_OWNED;
            }
            return Boolean.TRUE.equals(existing.isEnabled()) ? ClientState.ENABLED : ClientState.DISABLED;
        });
    }

    /**
     * Runs admin-API calls on a worker thread (the admin client blocks), back on the request's context.
     * An identity provider that does not answer within the configured timeout, or fails, is a 503:
     * the caller did nothing wrong, and is not held longer than the gateway would wait.
     */
    private <T> Uni<T> atIdentityProvider(Callable<T> calls) {
        return VertxContextSupport.executeBlocking(calls)
                .ifNoItem().after(config.timeout()).failWith(() -> new TimeoutException(
                        "Keycloak did not answer within " + config.timeout()))
                .onFailure(failure -> !(failure instanceof ProblemException)).transform(KeycloakPartnerCredentials::unavailable);
    }

    /** Whatever Keycloak answered, the caller did nothing wrong: the platform cannot manage credentials now. */
    private static ProblemException unavailable(Throwable failure) {
        LOG.error("Keycloak refused or failed a partner client change", failure);
        return ProblemType.IDENTITY_PROVIDER_UNAVAILABLE.exception(
                "Partner credentials cannot be managed at the identity provider right now; retry shortly");
    }

    private RealmResource realm() {
        return keycloak.realm(config.realm());
    }

    private ClientRepresentation existingClient(String clientId) {
        List<ClientRepresentation> found = realm().clients().findByClientId(clientId);
        return found.isEmpty() ? null : found.get(0);
    }

    /**
     * Whether the client was made for this partner: its tokens carry the partner's id, which only
     * {@link #create} sets. The platform's own clients carry no partner_id and are never a partner's.
     */
    private static boolean ownedBy(ClientRepresentation client, UUID partnerId) {
        // the client search answers each client whole, its protocol mappers included: no second call
        return client.getProtocolMappers() != null && client.getProtocolMappers().stream()
                .anyMatch(mapper -> PARTNER_ID_MAPPER.equals(mapper.getProtocolMapper())
                        && Roles.PARTNER_ID_CLAIM.equals(mapper.getConfig().get("claim.name"))
                        && partnerId.toString().equals(mapper.getConfig().get("claim.value")));
    }

    private String create(RealmResource realm, String slug, UUID partnerId, String displayName) {
        String clientId = config.clientIdPrefix() + slug;
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName(displayName);
        client.setEnabled(true);
        client.setProtocol("openid-connect");
        client.setPublicClient(false);
        client.setClientAuthenticatorType("client-secret");
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        client.setImplicitFlowEnabled(false);
        client.setProtocolMappers(List.of(
                mapper("platform audience", "oidc-audience-mapper", Map.of(
                        "included.custom.audience", config.audience())),
                mapper(Roles.PARTNER_ID_CLAIM, PARTNER_ID_MAPPER, Map.of(
                        "claim.name", Roles.PARTNER_ID_CLAIM,
                        "claim.value", partnerId.toString(),
                        "jsonType.label", "String"))));
        try (Response created = realm.clients().create(client)) {
            if (created.getStatus() == Response.Status.CONFLICT.getStatusCode()) {
                // created concurrently: reused only if it is this partner's
                ClientRepresentation existing = existingClient(clientId);
                if (existing == null || !ownedBy(existing, partnerId)) {
                    throw PartnerCredentials.clientIdTakenProblem(slug);
                }
                return existing.getId();
            }
            return CreatedResponseUtil.getCreatedId(created);
        }
    }

    private static ProtocolMapperRepresentation mapper(String name, String type, Map<String, String> settings) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(name);
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper(type);
        Map<String, String> config = new java.util.HashMap<>(settings);
        config.put("access.token.claim", "true");
        config.put("id.token.claim", "false");
        config.put("introspection.token.claim", "true");
        mapper.setConfig(config);
        return mapper;
    }
}

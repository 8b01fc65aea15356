package io.syndication.partner;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.mutiny.Uni;
import io.syndication.partner.credentials.ClientState;
import io.syndication.partner.credentials.IssuedCredentials;
import io.syndication.partner.credentials.PartnerCredentials;

/**
 * The identity provider's clients, kept in memory for the service tests, with the platform's own
 * {@code partner-service} client among them (no partner's).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class InMemoryPartnerCredentials implements PartnerCredentials {

    /** A client; {@code partnerId} is null for the platform's own. */
    record Client(UUID partnerId, String secret, boolean enabled) {
    }

    static final String PLATFORM_CLIENT = "partner-service";

    private final Map<String, Client> clients = new ConcurrentHashMap<>(
            Map.of(PLATFORM_CLIENT, new Client(null, "partner-service-secret", true)));

    @Override
    public Uni<Boolean> clientIdTaken(String slug) {
        return Uni.createFrom().item(clients.containsKey("partner-" + slug));
    }

    @Override
    public Uni<IssuedCredentials> issue(UUID partnerId, String slug, String displayName) {
        String clientId = "partner-" + slug;
        Client existing = clients.get(clientId);
        if (existing != null && !partnerId.equals(existing.partnerId())) {
            return Uni.createFrom().failure(PartnerCredentials.clientIdTakenProblem(slug));
        }
        String secret = UUID.randomUUID().toString();
        clients.put(clientId, new Client(partnerId, secret, true));
        return Uni.createFrom().item(new IssuedCredentials(clientId, secret));
    }

    @Override
    public Uni<Void> setEnabled(UUID partnerId, String clientId, boolean enabled) {
        clients.computeIfPresent(clientId, (id, client) -> partnerId.equals(client.partnerId())
                ? new Client(client.partnerId(), client.secret(), enabled) : client);
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<ClientState> state(UUID partnerId, String clientId) {
        Client client = clients.get(clientId);
        if (client == null) {
            return Uni.createFrom().item(ClientState.MISSING);
        }
        if (!partnerId.equals(client.partnerId())) {
            return Uni.createFrom().item(ClientState.NOT_OWNED);
        }
        return Uni.createFrom().item(client.enabled() ? ClientState.ENABLED : ClientState.DISABLED);
    }

    Client client(String clientId) {
        return clients.get(clientId);
    }

    /** A client created behind the platform's back, as an admin of the identity provider might. */
    void plant(String clientId, Client client) {
        clients.put(clientId, client);
    }
}

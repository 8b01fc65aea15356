package io.syndication.partner;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.smallrye.mutiny.Uni;
import io.syndication.partner.credentials.IssuedCredentials;
import io.syndication.partner.credentials.PartnerCredentials;

/** The identity provider's partner clients, kept in memory for the service tests. */
@Alternative
@Priority(1)
@ApplicationScoped
public class InMemoryPartnerCredentials implements PartnerCredentials {

    record Client(UUID partnerId, String secret, boolean enabled) {
    }

    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    @Override
    public Uni<IssuedCredentials> issue(UUID partnerId, String slug, String displayName) {
        String clientId = "partner-" + slug;
        String secret = UUID.randomUUID().toString();
        clients.put(clientId, new Client(partnerId, secret, true));
        return Uni.createFrom().item(new IssuedCredentials(clientId, secret));
    }

    @Override
    public Uni<Void> setEnabled(String clientId, boolean enabled) {
        clients.computeIfPresent(clientId, (id, client) -> new Client(client.partnerId(), client.secret(), enabled));
        return Uni.createFrom().voidItem();
    }

    Client client(String clientId) {
        return clients.get(clientId);
    }
}

package io.syndication.gateway.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.syndication.gateway.traffic.RateLimits;
import io.syndication.http.BearerChallenge;
import io.syndication.http.ProblemMappers;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's 401, with or without a token: platform-http's problem (BearerChallenge's for no token,
 * ProblemMappers' for one not valid here), carrying the RateLimit headers of the caller's bucket as an
 * anonymous caller, as the API's other answers carry theirs (the 401 is answered in the authentication
 * step, before the rate limits' own). It authenticates nobody; Quarkus asks the mechanism of highest
 * priority for the challenge first, and a failed token goes to the exception mapper of highest priority.
 */
@ApplicationScoped
public class EdgeChallenge implements HttpAuthenticationMechanism {

    private static final ProblemMappers PLATFORM = new ProblemMappers();

    private final BearerChallenge bearer;
    private final RateLimits limits;

    public EdgeChallenge(BearerChallenge bearer, RateLimits limits) {
        this.bearer = bearer;
        this.limits = limits;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return bearer.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        return limits.headersForUnauthenticated(context.request()).chain(() -> bearer.sendChallenge(context));
    }

    /** A token that is not valid here: platform-http's answer (a 401, or a 503 if the provider is down), before it. */
    @ServerExceptionMapper(priority = Priorities.USER - 1)
    public Uni<Response> invalidToken(AuthenticationFailedException e, UriInfo uri, HttpServerRequest request) {
        Response answer = PLATFORM.authenticationFailed(e, uri);
        return answer.getStatus() == 401
                ? limits.headersForUnauthenticated(request).map(ignored -> answer)
                : Uni.createFrom().item(answer);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return bearer.getPriority() + 1;
    }
}

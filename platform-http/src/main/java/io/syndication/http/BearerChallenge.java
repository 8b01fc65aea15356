package io.syndication.http;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request that carries no token with a problem+json 401. It authenticates nobody: the
 * OIDC mechanism does that. Quarkus asks the highest-priority mechanism for the challenge of an
 * anonymous request, and the built-in one would send an empty body.
 */
@ApplicationScoped
public class BearerChallenge implements HttpAuthenticationMechanism {

    private static final String SCHEME = "Bearer";
    private static final String MISSING_TOKEN = "A bearer token is required; get one from the platform's token endpoint";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, "WWW-Authenticate", SCHEME));
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!context.response().ended()) {
            context.response().putHeader("WWW-Authenticate", SCHEME);
            HttpProblems.write(context, HttpProblems.unauthorized(context.request().path(), MISSING_TOKEN));
        }
        // true: the challenge is complete, no other mechanism or default may write to the response
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return 2000;
    }

    /** The same answer, for failures that reach a REST resource's exception mappers. */
    static Response problem(String path, String detail, String error) {
        String challenge = error == null ? SCHEME : SCHEME + " error=\"" + error + "\"";
        return ProblemMappers.respond(HttpProblems.unauthorized(path, detail))
                .header("WWW-Authenticate", challenge)
                .build();
    }

}

package dev.flotilla.config.apikey;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Authenticates OFREP calls ({@code /ofrep/...}) that carry an {@code X-API-Key} header, beside the bearer
 * tokens SmallRye JWT verifies. Anywhere else the header is ignored, so a key never opens the rest of the API.
 * It is tried after the bearer token's mechanism, which leaves a request without {@code Authorization} to it.
 */
@ApplicationScoped
public class ApiKeyAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String HEADER = "X-API-Key";
    private static final String PATHS = "/ofrep/";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String secret = context.request().getHeader(HEADER);
        if (secret == null || !context.normalizedPath().startsWith(PATHS)) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new ApiKeyAuthenticationRequest(secret.strip()), context));
    }

    /**
     * No challenge of its own: a refused call is answered by the shared problem mappers (401,
     * {@code WWW-Authenticate: Bearer}).
     */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiKeyAuthenticationRequest.class);
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 100;
    }
}

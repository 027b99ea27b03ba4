package dev.flotilla.config.apikey;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Turns an API key into the caller's identity: its principal is the {@link ApiKeyPrincipal} (tenant,
 * environment), with no role, so the key opens nothing that asks for one. An unknown or revoked key fails
 * the authentication (401). The lookup is non-blocking, on the request's event loop.
 */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    private final ApiKeys keys;

    public ApiKeyIdentityProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        return keys.find(request.secret()).map(key -> {
            if (key == null) {
                throw new AuthenticationFailedException("Unknown or revoked API key");
            }
            return QuarkusSecurityIdentity.builder().setPrincipal(key).build();
        });
    }
}

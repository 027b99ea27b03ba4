package dev.flotilla.config.apikey;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The secret of an {@code X-API-Key} header, to be checked by {@link ApiKeyIdentityProvider}. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ApiKeyAuthenticationRequest(String secret) {
        this.secret = secret;
    }

    String secret() {
        return secret;
    }
}

package dev.flotilla.config.ofrep;

import dev.flotilla.common.identity.Caller;
import dev.flotilla.config.apikey.ApiKeyPrincipal;
import dev.flotilla.config.flag.FlagEnvironments;
import dev.flotilla.config.targeting.ErrorCode;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Whose flags an OFREP call evaluates. An API key names its tenant and environment itself; a bearer token
 * names the tenant ({@code tid}) and the call names the environment in the {@value #ENVIRONMENT_HEADER}
 * header (OpenFeature providers send configured headers with every request).
 */
@ApplicationScoped
public class OfrepScopes {

    public static final String ENVIRONMENT_HEADER = "X-Flotilla-Env";

    private final SecurityIdentity identity;
    private final Caller caller;

    public OfrepScopes(SecurityIdentity identity, Caller caller) {
        this.identity = identity;
        this.caller = caller;
    }

    /** The caller's scope; {@code environment} is the header's value, read only for a bearer token. */
    public OfrepScope of(String key, String environment) {
        if (identity.getPrincipal() instanceof ApiKeyPrincipal apiKey) {
            return new OfrepScope(apiKey.tenant(), apiKey.environment());
        }
        if (environment == null || environment.isEmpty()) {
            throw OfrepFailure.badRequest(key, ErrorCode.INVALID_CONTEXT,
                    "A call with a bearer token names its environment in the " + ENVIRONMENT_HEADER + " header");
        }
        if (!FlagEnvironments.isName(environment)) {
            throw OfrepFailure.badRequest(key, ErrorCode.INVALID_CONTEXT, ENVIRONMENT_HEADER
                    + " is not an environment's name (1 to 40 of a-z, 0-9 and -, starting with a letter)");
        }
        return new OfrepScope(caller.tenant(), environment);
    }
}

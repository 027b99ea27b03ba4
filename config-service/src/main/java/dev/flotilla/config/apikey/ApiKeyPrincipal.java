package dev.flotilla.config.apikey;

import java.security.Principal;
import java.util.UUID;

/** Who calls with an API key: the key, and the tenant and environment it evaluates flags of. */
public record ApiKeyPrincipal(UUID id, UUID tenant, String environment) implements Principal {

    @Override
    public String getName() {
        return "api-key:" + id;
    }
}

package dev.flotilla.common.servicetoken;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An access token of this service's own service client: the bearer token, the tenant it acts in
 * (its {@code tid} claim; a service client belongs to one tenant) and when auth-service said it
 * expires. Its text never appears in {@link #toString()}, so logging one leaks nothing.
 */
public record ServiceToken(String accessToken, UUID tenant, Instant expiresAt) {

    public ServiceToken {
        Objects.requireNonNull(accessToken, "accessToken");
    }

    /** The value of an {@code Authorization} header carrying the token. */
    public String authorization() {
        return "Bearer " + accessToken;
    }

    /** Fails with {@link TenantMismatch} unless the token acts in {@code wanted}. */
    public void requireTenant(UUID wanted) {
        if (!Objects.equals(tenant, wanted)) {
            throw new TenantMismatch(tenant, wanted);
        }
    }

    @Override
    public String toString() {
        return "ServiceToken[tenant=" + tenant + ", expiresAt=" + expiresAt + "]";
    }
}

package dev.flotilla.common.servicetoken;

import java.util.UUID;

/**
 * A token that does not act for the tenant it was asked for (auth-service ignored the
 * {@code tenant:<id>} scope). Used anyway, the callee would file the call under another tenant;
 * it is refused here instead.
 */
public final class TenantMismatch extends RuntimeException {

    private final UUID served;
    private final UUID wanted;

    TenantMismatch(UUID served, UUID wanted) {
        super("The service client acts in tenant " + served + ", not in tenant " + wanted, null, false, false);
        this.served = served;
        this.wanted = wanted;
    }

    /** The tenant of the service client (null when its token names none). */
    public UUID served() {
        return served;
    }

    /** The tenant the call was about. */
    public UUID wanted() {
        return wanted;
    }
}

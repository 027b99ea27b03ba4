package dev.flotilla.policy.policy;

import io.smallrye.mutiny.Uni;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Wraps every write of a tenant's policies, so that what is built from them is never served
 * stale: the in-memory rule sets of the decision cache bypass the tenant while the write is in
 * flight and forget it once the write has committed. The cache, which reads this package's
 * policies, implements it; owned here so that policies do not depend on the cache built of them.
 */
public interface PolicyWriteGuard {

    /**
     * Runs {@code write} for {@code tenant}. The write must commit inside the returned
     * {@code Uni} (open its transaction inside {@code write}).
     */
    <T> Uni<T> whileWriting(UUID tenant, Supplier<Uni<T>> write);
}

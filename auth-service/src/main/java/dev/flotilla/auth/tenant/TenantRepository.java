package dev.flotilla.auth.tenant;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

/** Queries over tenants. */
@ApplicationScoped
class TenantRepository implements PanacheRepositoryBase<Tenant, UUID> {

    /** Arbitrary constant naming the advisory lock of the first-start bootstrap. */
    private static final long BOOTSTRAP_LOCK = 0x466c6f74426f6f74L;

    public Uni<Tenant> findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }

    /**
     * Locks the tenant row for the rest of the transaction: changes that must keep an invariant of
     * the whole tenant (it always has an administrator) run one at a time.
     */
    public Uni<Tenant> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Waits for the advisory lock of the first-start bootstrap and holds it for the rest of the transaction. */
    public Uni<Void> lockBootstrap() {
        return Panache.getSession()
                .chain(session -> session
                        .createNativeQuery("select true from (select pg_advisory_xact_lock(?1)) locked", Boolean.class)
                        .setParameter(1, BOOTSTRAP_LOCK).getSingleResult())
                .replaceWithVoid();
    }
}

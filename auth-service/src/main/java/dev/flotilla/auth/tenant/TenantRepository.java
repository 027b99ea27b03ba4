package dev.flotilla.auth.tenant;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.UUID;

/** Queries over tenants. */
@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<Tenant, UUID> {

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
}

package dev.flotilla.policy.policy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Records which tenants have been provisioned with the default policy. */
@ApplicationScoped
class TenantRepository implements PanacheRepositoryBase<Tenant, UUID> {

    /**
     * Claims the tenant's provisioning: {@code true} for exactly one caller, ever. A concurrent
     * claim waits for the first to commit and then gets {@code false}.
     */
    public Uni<Boolean> claim(UUID tenant) {
        return getSession().chain(session -> session
                .createMutationQuery("insert into Tenant (tenantId, provisionedAt) values (?1, ?2) on conflict do nothing")
                .setParameter(1, tenant)
                .setParameter(2, Instant.now())
                .executeUpdate())
                .map(rows -> rows == 1);
    }
}

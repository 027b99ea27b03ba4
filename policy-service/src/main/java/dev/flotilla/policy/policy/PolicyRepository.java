package dev.flotilla.policy.policy;

import dev.flotilla.common.paging.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.UUID;

/** Queries over policies; every one is scoped to a tenant. */
@ApplicationScoped
public class PolicyRepository implements PanacheRepositoryBase<Policy, UUID> {

    public Uni<Policy> find(UUID tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).firstResult();
    }

    /** The policy, locked against concurrent writers until the transaction ends. */
    public Uni<Policy> findForUpdate(UUID tenant, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenant, id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /** Deletes the policy (its versions and tests cascade) in one statement; whether it was there. */
    public Uni<Boolean> delete(UUID tenant, UUID id) {
        return delete("tenantId = ?1 and id = ?2", tenant, id).map(deleted -> deleted > 0);
    }

    public Uni<Policy> findByName(UUID tenant, String name) {
        return find("tenantId = ?1 and name = ?2", tenant, name).firstResult();
    }

    public Uni<List<Policy>> page(UUID tenant, Cursor after, int limit) {
        var query = after == null
                ? find("tenantId = ?1", Sort.by("id"), tenant)
                : find("tenantId = ?1 and id > ?2", Sort.by("id"), tenant, after.id());
        return query.range(0, limit - 1).list();
    }

    public Uni<List<Policy>> all(UUID tenant) {
        return find("tenantId = ?1", Sort.by("id"), tenant).list();
    }
}

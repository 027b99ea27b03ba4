package dev.flotilla.policy.testcase;

import dev.flotilla.common.paging.Cursor;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Queries over stored policy tests; every one is scoped to a tenant. */
@ApplicationScoped
class PolicyTestCaseRepository implements PanacheRepositoryBase<PolicyTestCase, UUID> {

    public Uni<List<PolicyTestCase>> all(UUID tenant, UUID policyId) {
        return find("tenantId = ?1 and policyId = ?2", Sort.by("id"), tenant, policyId).list();
    }

    public Uni<List<PolicyTestCase>> page(UUID tenant, UUID policyId, Cursor after, int limit) {
        var query = after == null
                ? find("tenantId = ?1 and policyId = ?2", Sort.by("id"), tenant, policyId)
                : find("tenantId = ?1 and policyId = ?2 and id > ?3", Sort.by("id"), tenant, policyId, after.id());
        return query.range(0, limit - 1).list();
    }

    /**
     * Deletes the test in one statement; whether it was there. Concurrent deletes wait for the
     * first one's row lock and then find nothing, rather than failing on a row that vanished
     * between reading and removing it (the entity's own delete).
     */
    public Uni<Boolean> delete(UUID tenant, UUID policyId, UUID id) {
        return delete("tenantId = ?1 and policyId = ?2 and id = ?3", tenant, policyId, id).map(deleted -> deleted > 0);
    }

    public Uni<PolicyTestCase> findByName(UUID tenant, UUID policyId, String name) {
        return find("tenantId = ?1 and policyId = ?2 and name = ?3", tenant, policyId, name).firstResult();
    }
}

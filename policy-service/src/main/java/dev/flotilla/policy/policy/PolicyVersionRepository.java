package dev.flotilla.policy.policy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Queries over policy versions; every one is scoped to a tenant. */
@ApplicationScoped
public class PolicyVersionRepository implements PanacheRepositoryBase<PolicyVersion, UUID> {

    public Uni<PolicyVersion> find(UUID tenant, UUID policyId, int version) {
        return find("tenantId = ?1 and policyId = ?2 and version = ?3", tenant, policyId, version).firstResult();
    }

    /** Versions newest first, those below {@code before} when it is given. */
    public Uni<List<PolicyVersion>> page(UUID tenant, UUID policyId, Integer before, int limit) {
        var query = before == null
                ? find("tenantId = ?1 and policyId = ?2", Sort.descending("version"), tenant, policyId)
                : find("tenantId = ?1 and policyId = ?2 and version < ?3", Sort.descending("version"), tenant, policyId,
                        before);
        return query.range(0, limit - 1).list();
    }

    /** The version in force of every policy of the tenant. */
    public Uni<List<PolicyVersion>> active(UUID tenant) {
        return find("from PolicyVersion v where v.tenantId = ?1 and v.version = "
                + "(select p.activeVersion from Policy p where p.id = v.policyId)", tenant).list();
    }
}

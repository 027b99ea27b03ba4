package dev.flotilla.policy.policy;

import dev.flotilla.common.id.Ids;
import dev.flotilla.policy.config.PolicyConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives a tenant its {@link DefaultPolicy} the first time the service sees it, exactly once across
 * replicas (the {@code tenants} row is the claim). Tenants known to be provisioned are remembered
 * in memory so that the check costs nothing afterwards.
 */
@ApplicationScoped
public class TenantProvisioning {

    private final Set<UUID> provisioned = ConcurrentHashMap.newKeySet();
    private final TenantRepository tenants;
    private final PolicyRepository policies;
    private final PolicyVersionRepository versions;
    private final PolicyDocuments documents;
    private final boolean enabled;

    TenantProvisioning(TenantRepository tenants, PolicyRepository policies, PolicyVersionRepository versions,
            PolicyDocuments documents, PolicyConfig config) {
        this.tenants = tenants;
        this.policies = policies;
        this.versions = versions;
        this.documents = documents;
        this.enabled = config.defaultPolicy();
    }

    public Uni<Void> ensure(UUID tenant) {
        if (!enabled || provisioned.contains(tenant)) {
            return Uni.createFrom().voidItem();
        }
        // Its own transaction, committed before the caller reads the tenant's policies.
        return Panache.withTransaction(() -> tenants.claim(tenant)
                .chain(claimed -> claimed ? createDefault(tenant) : Uni.createFrom().voidItem()))
                .invoke(() -> provisioned.add(tenant));
    }

    private Uni<Void> createDefault(UUID tenant) {
        Instant now = Instant.now();
        Policy policy = new Policy();
        policy.id = Ids.next();
        policy.tenantId = tenant;
        policy.name = DefaultPolicy.NAME;
        policy.description = DefaultPolicy.DESCRIPTION;
        policy.activeVersion = 1;
        policy.latestVersion = 1;
        policy.revision = 1;
        policy.createdAt = now;
        policy.updatedAt = now;
        PolicyVersion version = new PolicyVersion();
        version.id = Ids.next();
        version.tenantId = tenant;
        version.policyId = policy.id;
        version.version = 1;
        version.document = documents.rulesDocument(DefaultPolicy.RULES);
        version.createdAt = now;
        version.createdBy = "system";
        return policies.persist(policy).chain(() -> versions.persist(version)).replaceWithVoid();
    }
}

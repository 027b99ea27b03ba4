package dev.flotilla.policy.cache;

import dev.flotilla.policy.evaluation.RuleSet;
import dev.flotilla.policy.policy.Policy;
import dev.flotilla.policy.policy.PolicyRepository;
import dev.flotilla.policy.policy.PolicyVersion;
import dev.flotilla.policy.policy.PolicyVersionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads a tenant's active policy versions from the database and assembles their compiled rule set. */
@ApplicationScoped
public class RuleSetLoader {

    private final PolicyRepository policies;
    private final PolicyVersionRepository versions;
    private final CompiledVersions compiled;

    public RuleSetLoader(PolicyRepository policies, PolicyVersionRepository versions, CompiledVersions compiled) {
        this.policies = policies;
        this.versions = versions;
        this.compiled = compiled;
    }

    @WithSession
    public Uni<RuleSet> load(UUID tenant) {
        return policies.all(tenant).chain(all -> versions.active(tenant).map(active -> assemble(all, active)));
    }

    private RuleSet assemble(List<Policy> all, List<PolicyVersion> active) {
        Map<UUID, PolicyVersion> byPolicy = active.stream().collect(Collectors.toMap(v -> v.policyId, Function.identity()));
        List<RuleSet.Entry> entries = new ArrayList<>(all.size());
        for (Policy policy : all) {
            PolicyVersion version = byPolicy.get(policy.id);
            if (version != null) {
                entries.add(new RuleSet.Entry(policy.name, compiled.get(version)));
            }
        }
        return new RuleSet(entries);
    }
}

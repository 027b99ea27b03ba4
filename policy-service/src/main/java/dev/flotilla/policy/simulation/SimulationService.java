package dev.flotilla.policy.simulation;

import dev.flotilla.common.error.NotFound;
import dev.flotilla.policy.cache.ActivePolicies;
import dev.flotilla.policy.evaluation.Decision;
import dev.flotilla.policy.evaluation.DecisionOutcome;
import dev.flotilla.policy.evaluation.DecisionRequest;
import dev.flotilla.policy.evaluation.RuleSet;
import dev.flotilla.policy.log.DecisionLog;
import dev.flotilla.policy.log.DecisionLogEntry;
import dev.flotilla.policy.policy.PolicyRepository;
import dev.flotilla.policy.policy.PolicyService;
import dev.flotilla.policy.policy.RulesDraft;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What-if before shipping: re-evaluates the tenant's recent decision log with a draft of one
 * policy in place of its active version, and reports every decision that would change. Only
 * logged (sampled) decisions can be replayed; by default every DENY and a share of ALLOWs are.
 */
@ApplicationScoped
public class SimulationService {

    public static final int DEFAULT_LIMIT = 500;

    private final PolicyService policyService;
    private final PolicyRepository policies;
    private final ActivePolicies active;
    private final DecisionLog log;

    public SimulationService(PolicyService policyService, PolicyRepository policies, ActivePolicies active, DecisionLog log) {
        this.policyService = policyService;
        this.policies = policies;
        this.active = active;
        this.log = log;
    }

    @WithSession
    public Uni<SimulationReport> simulate(UUID tenant, UUID policyId, RulesDraft draft) {
        var compiled = policyService.compileDraft(policyId, draft.rules());
        int limit = draft.limit() == null ? DEFAULT_LIMIT : draft.limit();
        return policies.find(tenant, policyId)
                .onItem().ifNull().failWith(() -> new NotFound("policy", policyId))
                .chain(policy -> active.forTenant(tenant).chain(current -> log.recent(tenant, limit).map(entries -> {
                    RuleSet withDraft = current.replacing(policyId, new RuleSet.Entry(policy.name + " (draft)", compiled));
                    List<SimulationReport.Change> changes = new ArrayList<>();
                    for (DecisionLogEntry entry : entries) {
                        DecisionRequest input = log.input(entry);
                        DecisionOutcome now = current.evaluate(input, entry.createdAt);
                        DecisionOutcome then = withDraft.evaluate(input, entry.createdAt);
                        if (now.decision() != then.decision()) {
                            changes.add(new SimulationReport.Change(entry.id, entry.createdAt, input,
                                    Decision.valueOf(entry.decision),
                                    now.decision(), then.decision(), then.matchedRules(), then.reasons()));
                        }
                    }
                    return new SimulationReport(policyId, entries.size(), changes.size(), changes);
                })));
    }
}

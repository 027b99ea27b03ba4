package dev.flotilla.policy.decision;

import dev.flotilla.policy.cache.ActivePolicies;
import dev.flotilla.policy.evaluation.Decision;
import dev.flotilla.policy.evaluation.DecisionOutcome;
import dev.flotilla.policy.evaluation.DecisionRequest;
import dev.flotilla.policy.evaluation.RuleSet;
import dev.flotilla.policy.log.DecisionLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Answers authorization questions against the tenant's policies in force (from the in-memory
 * cache), records sampled decisions in the decision log and counts decisions
 * ({@code flotilla_policy_decisions_total{decision}}).
 */
@ApplicationScoped
public class DecisionService {

    public static final int MAX_BATCH = 1000;

    private final ActivePolicies policies;
    private final DecisionLog log;
    private final Counter allowed;
    private final Counter denied;

    public DecisionService(ActivePolicies policies, DecisionLog log, MeterRegistry registry) {
        this.policies = policies;
        this.log = log;
        this.allowed = Counter.builder("flotilla.policy.decisions").tag("decision", "ALLOW")
                .description("Authorization decisions answered").register(registry);
        this.denied = Counter.builder("flotilla.policy.decisions").tag("decision", "DENY")
                .description("Authorization decisions answered").register(registry);
    }

    public Uni<DecisionOutcome> decide(UUID tenant, DecisionRequest request) {
        return policies.forTenant(tenant).map(rules -> decide(tenant, rules, rules.versions(), request));
    }

    public Uni<List<DecisionOutcome>> decideAll(UUID tenant, List<DecisionRequest> requests) {
        return policies.forTenant(tenant).map(rules -> {
            Map<String, Integer> versions = rules.versions();
            List<DecisionOutcome> outcomes = new ArrayList<>(requests.size());
            for (DecisionRequest request : requests) {
                outcomes.add(decide(tenant, rules, versions, request));
            }
            return outcomes;
        });
    }

    private DecisionOutcome decide(UUID tenant, RuleSet rules, Map<String, Integer> versions, DecisionRequest request) {
        Instant now = Instant.now();
        DecisionOutcome outcome = rules.evaluate(request, now);
        (outcome.decision() == Decision.ALLOW ? allowed : denied).increment();
        log.record(tenant, request, outcome, versions, now);
        return outcome;
    }
}

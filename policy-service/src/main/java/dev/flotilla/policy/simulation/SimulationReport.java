package dev.flotilla.policy.simulation;

import dev.flotilla.policy.evaluation.Decision;
import dev.flotilla.policy.evaluation.DecisionRequest;
import dev.flotilla.policy.evaluation.MatchedRule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a draft of a policy would change: of the {@code evaluated} recent logged decisions, those
 * whose answer under the tenant's policies with the draft in place differs from the answer under
 * the policies in force now.
 */
public record SimulationReport(UUID policyId, int evaluated, int changed, List<Change> changes) {

    /**
     * One decision that would change.
     *
     * @param logId the decision-log entry re-evaluated
     * @param loggedAt when it was decided (also the value of {@code now} in the re-evaluation)
     * @param logged the decision recorded then
     * @param current the decision under the policies in force now
     * @param draft the decision with the draft in place
     */
    public record Change(UUID logId, Instant loggedAt, DecisionRequest input, Decision logged, Decision current, Decision draft,
            List<MatchedRule> draftMatchedRules, List<String> draftReasons) {
    }
}

package dev.flotilla.policy.evaluation;

import java.util.List;

/**
 * The result of evaluating a question against a rule set: the decision, the rules that matched
 * (every matching deny, or the allows when nothing denied), human-readable reasons, and the time
 * evaluation took.
 */
public record DecisionOutcome(Decision decision, List<MatchedRule> matchedRules, List<String> reasons, long evaluationMicros) {
}

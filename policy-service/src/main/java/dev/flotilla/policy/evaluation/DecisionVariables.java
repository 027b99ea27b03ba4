package dev.flotilla.policy.evaluation;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelVariableResolver;

import java.time.Instant;

/**
 * What the conditions of one decision see, and what they answered. The CEL variables are built
 * on first need; a condition shared by several rules (the same expression in many policies) is
 * evaluated once and its answer, or its failure, reused: conditions are pure functions of the
 * variables.
 */
final class DecisionVariables {

    private final DecisionRequest request;
    private final Instant now;
    private final int sharedConditions;
    private CelVariableResolver resolver;
    /** Per shared condition: {@code null} until evaluated, then a {@code Boolean} or the exception it threw. */
    private Object[] answers;

    DecisionVariables(DecisionRequest request, Instant now, int sharedConditions) {
        this.request = request;
        this.now = now;
        this.sharedConditions = sharedConditions;
    }

    DecisionRequest request() {
        return request;
    }

    CelVariableResolver resolver() {
        if (resolver == null) {
            resolver = CelValues.resolver(request, now);
        }
        return resolver;
    }

    /** Evaluates {@code condition}, or recalls its answer when {@code shared} (its slot) is not negative. */
    boolean test(Condition condition, int shared) throws CelEvaluationException {
        if (shared < 0) {
            return condition.test(this);
        }
        if (answers == null) {
            answers = new Object[sharedConditions];
        }
        Object answer = answers[shared];
        if (answer == null) {
            try {
                answer = condition.test(this);
            } catch (CelEvaluationException | RuntimeException e) {
                answer = e;
            }
            answers[shared] = answer;
        }
        if (answer instanceof CelEvaluationException e) {
            throw e;
        }
        if (answer instanceof RuntimeException e) {
            throw e;
        }
        return (Boolean) answer;
    }
}

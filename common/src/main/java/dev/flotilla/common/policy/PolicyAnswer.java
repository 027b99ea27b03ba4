package dev.flotilla.common.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * policy-service's answer to a {@link PolicyQuestion}, or the fail-closed answer that stands in for
 * it when there is none. Only {@link Basis#DECISION} answers come from the tenant's policies;
 * the others are always denials ({@link #fromFallback()}).
 *
 * @param allowed whether the action may go ahead
 * @param matchedRules the deny rules that decided a denial, or the allow rules that decided an allowance
 * @param reasons human-readable reasons, for logs and operators rather than end users
 * @param basis what the answer rests on
 */
public record PolicyAnswer(boolean allowed, List<MatchedRule> matchedRules, List<String> reasons, Basis basis) {

    /** The reason of every answer given because policy-service could not be asked. */
    public static final String UNAVAILABLE_REASON = "policy-service unavailable";

    /** What an answer rests on. */
    public enum Basis {
        /** policy-service decided, from the tenant's policies in force. */
        DECISION,
        /** policy-service did not answer in time: down, failing, slow, or its circuit breaker is open. Transient. */
        UNAVAILABLE,
        /**
         * policy-service refused the question (a 4xx): the token is missing or lacks the role
         * {@code service} or {@code admin}, or the question is invalid. A bug or a misconfiguration
         * of the asking service, not of the end user.
         */
        REJECTED
    }

    /** A rule that took part in the decision: which policy, which version of it, which rule. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MatchedRule(UUID policyId, String policy, int version, String rule, String effect) {
    }

    public PolicyAnswer {
        matchedRules = matchedRules == null ? List.of() : List.copyOf(matchedRules);
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        Objects.requireNonNull(basis, "basis");
        if (allowed && basis != Basis.DECISION) {
            throw new IllegalArgumentException("only a decision of policy-service can allow");
        }
    }

    /** Whether this is a fail-closed denial standing in for a decision policy-service did not give. */
    public boolean fromFallback() {
        return basis != Basis.DECISION;
    }

    static PolicyAnswer unavailable() {
        return new PolicyAnswer(false, List.of(), List.of(UNAVAILABLE_REASON), Basis.UNAVAILABLE);
    }

    static PolicyAnswer rejected(String reason) {
        return new PolicyAnswer(false, List.of(), List.of(reason), Basis.REJECTED);
    }
}

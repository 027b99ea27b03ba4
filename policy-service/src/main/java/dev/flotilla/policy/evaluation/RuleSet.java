package dev.flotilla.policy.evaluation;

import dev.cel.runtime.CelEvaluationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The policies in force for a tenant (or a draft of them), ready to answer questions. Evaluation
 * is deny-overrides: any matching deny rule denies; otherwise any matching allow rule allows;
 * otherwise the answer is deny. A condition that cannot be evaluated (a missing attribute, a
 * type error) makes an allow rule not apply and a deny rule apply, so errors fail closed.
 *
 * <p>
 * Immutable, thread-safe and free of framework dependencies, so that a benchmark can call
 * {@link #evaluate(DecisionRequest, Instant)} in-process.
 */
public final class RuleSet {

    /** A policy in the set: its name (for reasons) and its compiled active version. */
    public record Entry(String name, CompiledPolicy policy) {
    }

    private static final RuleSet EMPTY = new RuleSet(List.of());

    private final List<Entry> entries;
    private final CompiledRule[] rules;
    private final String[] policyNames;
    private final RuleIndex index;
    /** Per rule, the slot of its condition among the conditions several rules share, or -1. */
    private final int[] sharedConditionSlots;
    private final int sharedConditions;
    private final Map<String, Integer> versions;

    public RuleSet(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        List<CompiledRule> all = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Entry entry : this.entries) {
            for (CompiledRule rule : entry.policy().rules()) {
                all.add(rule);
                names.add(entry.name());
            }
        }
        this.rules = all.toArray(CompiledRule[]::new);
        this.policyNames = names.toArray(String[]::new);
        this.index = new RuleIndex(rules);
        this.sharedConditionSlots = sharedConditionSlots(rules);
        this.sharedConditions = Arrays.stream(sharedConditionSlots).max().orElse(-1) + 1;
        Map<String, Integer> byPolicy = new LinkedHashMap<>();
        this.entries.forEach(e -> byPolicy.put(e.policy().policyId().toString(), e.policy().version()));
        this.versions = Collections.unmodifiableMap(byPolicy);
    }

    public static RuleSet empty() {
        return EMPTY;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The version of each policy in the set, by policy id: what the decision log records. Immutable. */
    public Map<String, Integer> versions() {
        return versions;
    }

    /** This set with policy {@code policyId} replaced by (or extended with) {@code replacement}. */
    public RuleSet replacing(UUID policyId, Entry replacement) {
        List<Entry> result = new ArrayList<>(entries.size() + 1);
        boolean replaced = false;
        for (Entry entry : entries) {
            if (entry.policy().policyId().equals(policyId)) {
                result.add(replacement);
                replaced = true;
            } else {
                result.add(entry);
            }
        }
        if (!replaced) {
            result.add(replacement);
        }
        return new RuleSet(result);
    }

    /** Answers {@code request} as of {@code now} (the value of the {@code now} variable). */
    public DecisionOutcome evaluate(DecisionRequest request, Instant now) {
        long started = System.nanoTime();
        String action = request.action();
        String resource = null;
        DecisionVariables variables = new DecisionVariables(request, now, sharedConditions);
        List<MatchedRule> allows = null;
        List<MatchedRule> denies = null;
        List<String> problems = null;
        RuleIndex.Candidates candidates = index.candidates(action, request.resource().type());
        for (int k = 0; k < candidates.rules().length; k++) {
            int i = candidates.rules()[k];
            CompiledRule rule = rules[i];
            if (!candidates.globsMatch()[k]) {
                if (resource == null) {
                    resource = request.resource().qualifiedName();
                }
                if (!rule.appliesTo(action, resource)) {
                    continue;
                }
            }
            boolean matched;
            if (rule.condition() == null) {
                matched = true;
            } else {
                try {
                    matched = variables.test(rule.condition(), sharedConditionSlots[i]);
                } catch (CelEvaluationException | RuntimeException e) {
                    matched = rule.effect() == Effect.DENY;
                    if (problems == null) {
                        problems = new ArrayList<>(2);
                    }
                    problems.add("the condition of " + describe(rule, i) + " could not be evaluated (" + e.getMessage() + "); "
                            + (matched ? "the deny rule applies, failing closed" : "the allow rule does not apply"));
                }
            }
            if (!matched) {
                continue;
            }
            MatchedRule match = new MatchedRule(rule.policyId(), policyNames[i], rule.version(), rule.id(), rule.effect());
            if (rule.effect() == Effect.DENY) {
                if (denies == null) {
                    denies = new ArrayList<>(2);
                }
                denies.add(match);
            } else {
                if (allows == null) {
                    allows = new ArrayList<>(2);
                }
                allows.add(match);
            }
        }
        Decision decision;
        List<MatchedRule> matched;
        List<String> reasons = new ArrayList<>(2);
        if (denies != null) {
            decision = Decision.DENY;
            matched = denies;
            denies.forEach(m -> reasons.add("denied by " + describe(m)));
            if (allows != null) {
                reasons.add("deny overrides the " + allows.size() + " matching allow rule(s)");
            }
        } else if (allows != null) {
            decision = Decision.ALLOW;
            matched = allows;
            allows.forEach(m -> reasons.add("allowed by " + describe(m)));
        } else {
            decision = Decision.DENY;
            matched = List.of();
            reasons.add("no rule allows '" + action + "' on '" + request.resource().qualifiedName() + "'; the default is deny");
        }
        if (problems != null) {
            reasons.addAll(problems);
        }
        long micros = (System.nanoTime() - started) / 1_000;
        return new DecisionOutcome(decision, matched, reasons, micros);
    }

    /**
     * Numbers the conditions that several rules share (the same expression in many policies, say
     * an ownership or a time-of-day rule), so that a decision evaluates each of them once. Role
     * checks are cheaper to repeat than to recall.
     */
    private static int[] sharedConditionSlots(CompiledRule[] rules) {
        Map<String, Integer> uses = new HashMap<>();
        for (CompiledRule rule : rules) {
            if (rule.condition() != null && !rule.condition().isRoleCheck()) {
                uses.merge(rule.condition().expression(), 1, Integer::sum);
            }
        }
        Map<String, Integer> slots = new HashMap<>();
        int[] slotOf = new int[rules.length];
        for (int i = 0; i < rules.length; i++) {
            Condition condition = rules[i].condition();
            boolean shared = condition != null && uses.getOrDefault(condition.expression(), 0) > 1;
            slotOf[i] = shared ? slots.computeIfAbsent(condition.expression(), expression -> slots.size()) : -1;
        }
        return slotOf;
    }

    private String describe(CompiledRule rule, int index) {
        return "rule '" + rule.id() + "' of policy '" + policyNames[index] + "' v" + rule.version();
    }

    private static String describe(MatchedRule match) {
        return "rule '" + match.rule() + "' of policy '" + match.policy() + "' v" + match.version();
    }
}

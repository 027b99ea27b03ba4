package dev.flotilla.policy.evaluation;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Narrows a rule set to the rules that can apply to an action and a resource type, so that a
 * decision tests the globs of a handful of rules rather than of every rule of the tenant.
 *
 * <p>
 * A rule whose action globs are all literal can only apply to those actions; a rule whose
 * resource globs all start with a literal type ({@code conversation:*}, {@code document:42}) can
 * only apply to resources of those types. Any other rule is a candidate for everything. The
 * candidates of an (action, type) pair are listed, in rule order, on first use and kept. Actions
 * and types that no rule names literally share one list, so the number of lists is bounded by the
 * rule set, not by what callers ask.
 *
 * <p>
 * A candidate whose globs are sure to match, because it names the action (or has the action
 * glob {@code *}) and covers the whole type ({@code conversation:*}, or {@code *}), is marked so:
 * the decision skips testing its globs.
 */
final class RuleIndex {

    /** Stands for every action or type that no rule names literally (not a possible type: it has a colon). */
    private static final String UNNAMED = ":unnamed";

    /** Per rule, the actions it is limited to, or {@code null} when a glob has a wildcard. */
    private final Set<String>[] actionsOf;
    /** Per rule, the resource types it is limited to, or {@code null} when a glob's type has a wildcard. */
    private final Set<String>[] typesOf;
    private final Set<String> namedActions = new HashSet<>();
    private final Set<String> namedTypes = new HashSet<>();
    private final CompiledRule[] rules;
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Candidates>> candidates = new ConcurrentHashMap<>();

    /**
     * The rules that may apply, by index, ascending; {@code globsMatch[k]} tells that the globs of
     * {@code rules[k]} are sure to match, so that only its condition remains to be evaluated.
     */
    record Candidates(int[] rules, boolean[] globsMatch) {
    }

    @SuppressWarnings("unchecked")
    RuleIndex(CompiledRule[] rules) {
        this.rules = rules;
        actionsOf = new Set[rules.length];
        typesOf = new Set[rules.length];
        for (int i = 0; i < rules.length; i++) {
            actionsOf[i] = literalActions(rules[i]);
            typesOf[i] = literalTypes(rules[i]);
            if (actionsOf[i] != null) {
                namedActions.addAll(actionsOf[i]);
            }
            if (typesOf[i] != null) {
                namedTypes.addAll(typesOf[i]);
            }
        }
    }

    /**
     * The rules that may apply to {@code action} on a resource of {@code type}. A superset: the
     * caller still matches the globs of each candidate not marked as matching.
     */
    Candidates candidates(String action, String type) {
        String actionKey = namedActions.contains(action) ? action : UNNAMED;
        String typeKey = typeKey(type);
        ConcurrentHashMap<String, Candidates> byType = candidates.computeIfAbsent(actionKey, key -> new ConcurrentHashMap<>());
        Candidates found = byType.get(typeKey);
        return found != null ? found : byType.computeIfAbsent(typeKey, key -> list(actionKey, key));
    }

    private String typeKey(String type) {
        // Resource globs match "type:id"; what precedes the first colon is what a literal type can fix.
        int colon = type.indexOf(':');
        String leading = colon < 0 ? type : type.substring(0, colon);
        return namedTypes.contains(leading) ? leading : UNNAMED;
    }

    private Candidates list(String actionKey, String typeKey) {
        int[] found = new int[actionsOf.length];
        boolean[] globsMatch = new boolean[actionsOf.length];
        int count = 0;
        for (int i = 0; i < actionsOf.length; i++) {
            if ((actionsOf[i] == null || actionsOf[i].contains(actionKey))
                    && (typesOf[i] == null || typesOf[i].contains(typeKey))) {
                globsMatch[count] = coversAction(rules[i], actionKey) && coversType(rules[i], typeKey);
                found[count++] = i;
            }
        }
        return new Candidates(Arrays.copyOf(found, count), Arrays.copyOf(globsMatch, count));
    }

    /** Whether {@code rule} matches every action this key stands for. */
    private static boolean coversAction(CompiledRule rule, String actionKey) {
        for (Glob glob : rule.actions()) {
            if (glob.pattern().equals("*") || (!actionKey.equals(UNNAMED) && glob.pattern().equals(actionKey))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code rule} matches every resource whose type this key stands for: {@code *}, or
     * {@code type:*}, which every {@code type:id} (and {@code type:more:id}) starts with.
     */
    private static boolean coversType(CompiledRule rule, String typeKey) {
        for (Glob glob : rule.resources()) {
            if (glob.pattern().equals("*") || (!typeKey.equals(UNNAMED) && glob.pattern().equals(typeKey + ":*"))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> literalActions(CompiledRule rule) {
        Set<String> actions = new HashSet<>();
        for (Glob glob : rule.actions()) {
            if (!Glob.isLiteral(glob.pattern())) {
                return null;
            }
            actions.add(glob.pattern());
        }
        return actions;
    }

    private static Set<String> literalTypes(CompiledRule rule) {
        Set<String> types = new HashSet<>();
        for (Glob glob : rule.resources()) {
            int colon = glob.pattern().indexOf(':');
            String type = colon < 0 ? null : glob.pattern().substring(0, colon);
            if (type == null || !Glob.isLiteral(type)) {
                return null;
            }
            types.add(type);
        }
        return types;
    }
}

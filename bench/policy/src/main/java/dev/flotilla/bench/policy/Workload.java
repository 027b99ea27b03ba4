package dev.flotilla.bench.policy;

import dev.flotilla.policy.evaluation.DecisionRequest;
import dev.flotilla.policy.evaluation.Effect;
import dev.flotilla.policy.evaluation.RuleDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The rule sets and questions every scenario uses: one tenant with {@value #POLICIES} policies of
 * {@value #RULES_PER_POLICY} rules over {@value #TYPES} resource types, {@value #ACTIONS} actions and
 * {@value #ROLES} roles, and a fixed pool of questions (seeded, so every run asks the same).
 *
 * <ul>
 * <li><b>RBAC</b>: rule {@code r} of policy {@code p} lets one role do action {@code r} on the
 * policy's type ({@code 'role-k' in subject.roles}); the 1,000 grants are distinct, five roles
 * per (type, action). jCasbin gets exactly these grants as {@code p} lines and each
 * question's roles as {@code g} lines.</li>
 * <li><b>Mixed</b> (what the HTTP scenario serves): seven RBAC rules, an ownership rule
 * ({@code resource.attributes.ownerId == subject.id}), a plan limit
 * ({@code context.plan == 'free' && context.count >= 10} denies creating) and a time-of-day
 * rule (outside the subject's shift hours, {@code now.getHours('UTC')}, everything is denied).</li>
 * </ul>
 */
public final class Workload {

    public static final int POLICIES = 100;
    public static final int RULES_PER_POLICY = 10;
    public static final int TYPES = 20;
    public static final int ACTIONS = 10;
    public static final int ROLES = 20;
    /** Actions below this are granted by role in the mixed set; the others by ownership. */
    private static final int MIXED_RBAC_ACTIONS = 7;
    /** Share of questions whose subject holds a role (or ownership) that grants the action. */
    private static final double ENTITLED = 0.85;

    /** An RBAC grant: {@code role} may do {@code action} on resources of {@code type}. */
    public record Grant(String role, String type, String action) {
    }

    /** One question, in the terms both engines understand. */
    public record Question(String subject, List<String> roles, String action, String type, String id,
            Map<String, Object> resourceAttributes, Map<String, Object> subjectAttributes,
            Map<String, Object> context) {

        public DecisionRequest toRequest() {
            return new DecisionRequest(new DecisionRequest.Subject(subject, roles, subjectAttributes), action,
                    new DecisionRequest.Resource(type, id, resourceAttributes), context);
        }
    }

    private Workload() {
    }

    static String type(int t) {
        return "type-" + t;
    }

    static String action(int a) {
        return "action-" + a;
    }

    static String role(int k) {
        return "role-" + k;
    }

    /** The role rule {@code r} of policy {@code p} grants: five distinct roles per (type, action). */
    private static int grantedRole(int policy, int rule) {
        return (10 * (policy % TYPES) + rule + 3 * (policy / TYPES)) % ROLES;
    }

    public static List<Grant> rbacGrants() {
        List<Grant> grants = new ArrayList<>();
        for (int p = 0; p < POLICIES; p++) {
            for (int r = 0; r < RULES_PER_POLICY; r++) {
                grants.add(new Grant(role(grantedRole(p, r)), type(p % TYPES), action(r)));
            }
        }
        return grants;
    }

    /** The RBAC rule set: policy name → rules. */
    public static Map<String, List<RuleDefinition>> rbacPolicies() {
        Map<String, List<RuleDefinition>> policies = new LinkedHashMap<>();
        for (int p = 0; p < POLICIES; p++) {
            List<RuleDefinition> rules = new ArrayList<>();
            for (int r = 0; r < RULES_PER_POLICY; r++) {
                rules.add(roleRule(p, r));
            }
            policies.put("rbac-" + p, rules);
        }
        return policies;
    }

    /** The mixed rule set: policy name → rules. */
    public static Map<String, List<RuleDefinition>> mixedPolicies() {
        Map<String, List<RuleDefinition>> policies = new LinkedHashMap<>();
        for (int p = 0; p < POLICIES; p++) {
            String type = type(p % TYPES);
            List<RuleDefinition> rules = new ArrayList<>();
            for (int r = 0; r < MIXED_RBAC_ACTIONS; r++) {
                rules.add(roleRule(p, r));
            }
            List<String> owned = new ArrayList<>();
            for (int a = MIXED_RBAC_ACTIONS; a < ACTIONS; a++) {
                owned.add(action(a));
            }
            rules.add(new RuleDefinition("owners", Effect.ALLOW, owned, List.of(type),
                    "has(resource.attributes.ownerId) && resource.attributes.ownerId == subject.id", null));
            rules.add(new RuleDefinition("free-plan-limit", Effect.DENY, List.of(action(0)), List.of(type),
                    "has(context.plan) && context.plan == 'free' && has(context.count) && context.count >= 10", null));
            rules.add(new RuleDefinition("outside-shift", Effect.DENY, List.of("*"), List.of(type),
                    "has(subject.attributes.shiftStart) && (now.getHours('UTC') < subject.attributes.shiftStart"
                            + " || now.getHours('UTC') >= subject.attributes.shiftEnd)",
                    null));
            policies.put("mixed-" + p, rules);
        }
        return policies;
    }

    private static RuleDefinition roleRule(int policy, int rule) {
        return new RuleDefinition("grant-" + rule, Effect.ALLOW, List.of(action(rule)), List.of(type(policy % TYPES)),
                "'" + role(grantedRole(policy, rule)) + "' in subject.roles", null);
    }

    /**
     * {@code count} questions, the same for a given seed: about {@value #ENTITLED} of subjects hold
     * a role or own the resource that grants the action, some hit the plan limit, a few work
     * outside their shift.
     */
    public static List<Question> questions(int count, long seed) {
        Random random = new Random(seed);
        List<Question> questions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int t = random.nextInt(TYPES);
            int a = random.nextInt(ACTIONS);
            String subject = "user-" + random.nextInt(500);
            Set<String> roles = new LinkedHashSet<>();
            if (random.nextDouble() < ENTITLED) {
                // One of the five policies of this type grants action a to its role.
                int policy = t + TYPES * random.nextInt(POLICIES / TYPES);
                roles.add(role(grantedRole(policy, a)));
            }
            roles.add(role(random.nextInt(ROLES)));
            roles.add(role(random.nextInt(ROLES)));
            Map<String, Object> resourceAttributes = new LinkedHashMap<>();
            resourceAttributes.put("ownerId", random.nextDouble() < ENTITLED ? subject : "user-" + random.nextInt(500));
            Map<String, Object> subjectAttributes = new LinkedHashMap<>();
            boolean offShift = random.nextDouble() < 0.02;
            subjectAttributes.put("shiftStart", 0);
            subjectAttributes.put("shiftEnd", offShift ? 0 : 24);
            Map<String, Object> context = new LinkedHashMap<>();
            boolean free = random.nextDouble() < 0.2;
            context.put("plan", free ? "free" : "pro");
            context.put("count", random.nextInt(12));
            questions.add(new Question(subject, List.copyOf(roles), action(a), type(t), "doc-" + random.nextInt(100_000),
                    resourceAttributes, subjectAttributes, context));
        }
        return questions;
    }
}

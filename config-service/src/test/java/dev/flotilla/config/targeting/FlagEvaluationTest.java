package dev.flotilla.config.targeting;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlagEvaluationTest {

    private static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");

    private static Map<String, Object> onOff() {
        Map<String, Object> variants = new LinkedHashMap<>();
        variants.put("on", true);
        variants.put("off", false);
        return variants;
    }

    private static FlagSpec flag(boolean enabled, List<RuleSpec> rules) {
        return new FlagSpec("boolean", null, enabled, onOff(), "off", rules, Map.of("team", "checkout"));
    }

    private static RuleSpec when(String variant, ConditionSpec... conditions) {
        return new RuleSpec(null, List.of(conditions), variant, null);
    }

    private static ConditionSpec condition(String attribute, String operator, Object value) {
        return new ConditionSpec(attribute, operator, value, null);
    }

    private static ConditionSpec set(String attribute, String operator, Object... values) {
        return new ConditionSpec(attribute, operator, null, List.of(values));
    }

    private static RuleSpec rollout(int onPercent) {
        return new RuleSpec(null, null, null, List.of(new SplitSpec("on", BigDecimal.valueOf(onPercent)),
                new SplitSpec("off", BigDecimal.valueOf(100 - onPercent))));
    }

    private static EvaluationContext context(Object... keysAndValues) {
        Map<String, Object> attributes = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            attributes.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return EvaluationContext.of(attributes, NOW);
    }

    private static Evaluation evaluate(FlagSpec spec, EvaluationContext context) {
        return Definitions.flag("f", spec).evaluate(context, Map.of(), null);
    }

    /** Whether a flag with the one condition answers "on" for the context. */
    private static boolean holds(ConditionSpec condition, Object... context) {
        return "on".equals(evaluate(flag(true, List.of(when("on", condition))), context(context)).variant());
    }

    @Test
    void aFlagWithoutRulesAnswersItsDefaultAsStatic() {
        Evaluation evaluation = evaluate(flag(true, null), context());
        assertEquals("off", evaluation.variant());
        assertEquals(false, evaluation.value());
        assertEquals(Reason.STATIC, evaluation.reason());
        assertEquals(Map.of("team", "checkout"), evaluation.metadata());
    }

    @Test
    void aDisabledFlagAnswersItsDefaultWhateverItsRules() {
        Evaluation evaluation = evaluate(flag(false, List.of(when("on"))), context("targetingKey", "u1"));
        assertEquals("off", evaluation.variant());
        assertEquals(Reason.DISABLED, evaluation.reason());
    }

    @Test
    void theFirstRuleThatHoldsDecides() {
        Map<String, Object> variants = new LinkedHashMap<>(Map.of("a", "A", "b", "B", "c", "C"));
        FlagSpec spec = new FlagSpec("string", null, true, variants, "c", List.of(
                when("a", condition("plan", "equals", "gold")),
                when("b", condition("country", "equals", "CA")),
                when("a", condition("country", "equals", "CA"))), null);
        assertEquals("a", evaluate(spec, context("plan", "gold", "country", "CA")).variant());
        Evaluation second = evaluate(spec, context("plan", "free", "country", "CA"));
        assertEquals("b", second.variant());
        assertEquals("B", second.value());
        assertEquals(Reason.TARGETING_MATCH, second.reason());
        Evaluation none = evaluate(spec, context("plan", "free"));
        assertEquals("c", none.variant());
        assertEquals(Reason.DEFAULT, none.reason());
    }

    @Test
    void everyConditionOfARuleMustHold() {
        RuleSpec rule = when("on", condition("plan", "equals", "gold"), condition("country", "equals", "CA"));
        assertEquals("on", evaluate(flag(true, List.of(rule)), context("plan", "gold", "country", "CA")).variant());
        assertEquals("off", evaluate(flag(true, List.of(rule)), context("plan", "gold", "country", "US")).variant());
    }

    @Test
    void equalsComparesNumbersByValueAndNothingElseAcrossTypes() {
        assertTrue(holds(condition("age", "equals", 42), "age", 42.0));
        assertFalse(holds(condition("age", "equals", 42), "age", "42"));
        assertTrue(holds(condition("beta", "equals", true), "beta", true));
        assertTrue(holds(condition("groups", "equals", "admins"), "groups", List.of("users", "admins")));
        assertTrue(holds(condition("plan", "notEquals", "gold"), "plan", "free"));
        assertFalse(holds(condition("plan", "notEquals", "gold"), "plan", "gold"));
    }

    @Test
    void aConditionOnAMissingAttributeNeverHoldsNegatedOrNot() {
        assertFalse(holds(condition("plan", "equals", "gold")));
        assertFalse(holds(condition("plan", "notEquals", "gold")));
        assertFalse(holds(set("country", "notIn", "CN")));
        assertFalse(holds(condition("plan", "notEquals", "gold"), "plan", null));
    }

    @Test
    void inAndNotInTestMembership() {
        assertTrue(holds(set("country", "in", "CA", "US"), "country", "US"));
        assertFalse(holds(set("country", "in", "CA", "US"), "country", "FR"));
        assertTrue(holds(set("tier", "in", 1, 2), "tier", 2.0));
        assertTrue(holds(set("country", "notIn", "CA", "US"), "country", "FR"));
        assertFalse(holds(set("groups", "notIn", "banned"), "groups", List.of("users", "banned")));
    }

    @Test
    void textOperatorsTestStrings() {
        assertTrue(holds(condition("email", "endsWith", "@example.com"), "email", "ann@example.com"));
        assertTrue(holds(condition("path", "startsWith", "/admin"), "path", "/admin/users"));
        assertTrue(holds(condition("agent", "contains", "Firefox"), "agent", "Mozilla/5.0 Firefox/128"));
        assertFalse(holds(condition("email", "endsWith", "@example.com"), "email", 42));
    }

    @Test
    void matchesFindsAnRe2PatternAnywhereUnlessAnchored() {
        assertTrue(holds(condition("email", "matches", "@(example|test)\\.com$"), "email", "bo@test.com"));
        assertFalse(holds(condition("email", "matches", "^admin@"), "email", "bo@admin.com"));
    }

    @Test
    void aCatastrophicPatternMatchesInLinearTime() {
        // Exponential for a backtracking engine; RE2 answers at once, so this test only ends because it is RE2.
        String input = "a".repeat(10_000) + "!";
        assertFalse(holds(condition("name", "matches", "^(a+)+$"), "name", input));
        assertFalse(holds(condition("name", "matches", "^(a|aa)*$"), "name", input));
    }

    @Test
    void numberComparisonsCompareNumbers() {
        assertTrue(holds(condition("age", "lessThan", 18), "age", 17));
        assertFalse(holds(condition("age", "lessThan", 18), "age", 18));
        assertTrue(holds(condition("age", "lessOrEqual", 18), "age", 18));
        assertTrue(holds(condition("age", "greaterThan", 18.5), "age", 19));
        assertTrue(holds(condition("age", "greaterOrEqual", 18), "age", 18.0));
        assertFalse(holds(condition("age", "greaterOrEqual", 18), "age", "20"));
    }

    @Test
    void semverComparisonsCompareVersions() {
        assertTrue(holds(condition("appVersion", "semverGreaterOrEqual", "2.3.0"), "appVersion", "2.10.1"));
        assertFalse(holds(condition("appVersion", "semverGreaterOrEqual", "2.3.0"), "appVersion", "2.3.0-rc.1"));
        assertTrue(holds(condition("appVersion", "semverLessThan", "2.0.0"), "appVersion", "1.99.0"));
        assertTrue(holds(condition("appVersion", "semverLessOrEqual", "2.0.0"), "appVersion", "v2.0.0"));
        assertTrue(holds(condition("appVersion", "semverGreaterThan", "2.0.0"), "appVersion", "2.0.1"));
        assertTrue(holds(condition("appVersion", "semverEquals", "2.0.0"), "appVersion", "2.0.0+build.3"));
        assertFalse(holds(condition("appVersion", "semverEquals", "2.0.0"), "appVersion", "not a version"));
    }

    @Test
    void timeWindowsCompareTheEvaluationTimeOrAnAttribute() {
        assertTrue(holds(condition(null, "after", "2027-03-01T12:00:00Z")));
        assertFalse(holds(condition(null, "before", "2027-03-01T12:00:00Z")));
        assertTrue(holds(condition(null, "before", "2027-03-01T12:00:01+00:00")));
        assertTrue(holds(condition("signedUpAt", "before", "2026-01-01T00:00:00Z"), "signedUpAt", "2025-06-30T10:00:00Z"));
        assertTrue(holds(condition("signedUpAt", "after", "2026-01-01T00:00:00Z"), "signedUpAt", 1_800_000_000));
        assertFalse(holds(condition("signedUpAt", "after", "2026-01-01T00:00:00Z"), "signedUpAt", "yesterday"));
    }

    @Test
    void segmentMembershipIsEveryConditionOfTheSegment() {
        Segment staff = Definitions.segment("staff", new SegmentSpec(null, List.of(
                condition("email", "endsWith", "@example.com"), condition("verified", "equals", true))));
        Flag flag = Definitions.flag("f", flag(true, List.of(when("on", set(null, "inSegment", "staff", "gone")))));
        Map<String, Segment> segments = Map.of("staff", staff);
        assertEquals("on", flag.evaluate(context("email", "a@example.com", "verified", true), segments, null).variant());
        assertEquals("off", flag.evaluate(context("email", "a@example.com", "verified", false), segments, null).variant());
        Flag outside = Definitions.flag("f", flag(true, List.of(when("on", set(null, "notInSegment", "staff")))));
        assertEquals("on", outside.evaluate(context("email", "a@elsewhere.org"), segments, null).variant());
        assertEquals(Map.of("staff", "rules[0].conditions[0].values[0]", "gone", "rules[0].conditions[0].values[1]"),
                flag.segmentReferences());
    }

    @Test
    void aRolloutSplitsByTheTargetingKeyAndSaysSo() {
        Flag flag = Definitions.flag("f", flag(true, List.of(rollout(50))));
        Evaluation evaluation = flag.evaluate(context("targetingKey", "user-7"), Map.of(), null);
        assertEquals(Reason.SPLIT, evaluation.reason());
        String expected = Bucketing.bucket("f", "user-7") < 50_000 ? "on" : "off";
        assertEquals(expected, evaluation.variant());
        assertEquals(evaluation, flag.evaluate(context("targetingKey", "user-7", "plan", "gold"), Map.of(), null));
    }

    @Test
    void aRolloutWithoutATargetingKeyIsAnError() {
        Evaluation evaluation = evaluate(flag(true, List.of(rollout(10))), context("plan", "gold"));
        assertEquals(Reason.ERROR, evaluation.reason());
        assertEquals(ErrorCode.TARGETING_KEY_MISSING, evaluation.errorCode());
        assertNull(evaluation.value());
        assertEquals(ErrorCode.TARGETING_KEY_MISSING, evaluate(flag(true, List.of(rollout(10))),
                context("targetingKey", "")).errorCode());
    }

    @Test
    void raisingARolloutKeepsTheUsersItHad() {
        Flag ten = Definitions.flag("checkout", flag(true, List.of(rollout(10))));
        Flag twenty = Definitions.flag("checkout", flag(true, List.of(rollout(20))));
        for (int i = 0; i < 5_000; i++) {
            EvaluationContext user = context("targetingKey", "user-" + i);
            if ("on".equals(ten.evaluate(user, Map.of(), null).variant())) {
                assertEquals("on", twenty.evaluate(user, Map.of(), null).variant(), "user-" + i);
            }
        }
    }

    @Test
    void askingForAnotherTypeIsATypeMismatch() {
        Evaluation evaluation = Definitions.flag("f", flag(true, null)).evaluate(context(), Map.of(), FlagType.STRING);
        assertEquals(ErrorCode.TYPE_MISMATCH, evaluation.errorCode());
        assertEquals(Reason.ERROR, evaluation.reason());
    }

    @Test
    void aFlagSetAnswersUnknownKeysAndUnreadableFlagsWithErrors() {
        FlagSet set = new FlagSet(7, Map.of("f", Definitions.flag("f", flag(true, null))), Map.of("broken", "no type"),
                Map.of());
        assertEquals(ErrorCode.FLAG_NOT_FOUND, set.evaluate("nope", context(), null).errorCode());
        assertEquals(ErrorCode.PARSE_ERROR, set.evaluate("broken", context(), null).errorCode());
        assertEquals(Reason.STATIC, set.evaluate("f", context(), null).reason());
        assertEquals(2, set.evaluateAll(context()).size());
    }

    @Test
    void aTargetingKeyThatIsNotAStringMakesTheContextInvalid() {
        assertThrows(InvalidContext.class, () -> context("targetingKey", 42));
    }
}

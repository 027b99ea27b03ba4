package dev.flotilla.config.targeting;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefinitionsTest {

    private static Map<String, Object> onOff() {
        Map<String, Object> variants = new LinkedHashMap<>();
        variants.put("on", true);
        variants.put("off", false);
        return variants;
    }

    private static List<Violation> violations(FlagSpec spec) {
        return assertThrows(InvalidDefinition.class, () -> Definitions.flag("f", spec)).violations();
    }

    private static Violation only(FlagSpec spec) {
        List<Violation> violations = violations(spec);
        assertEquals(1, violations.size(), violations.toString());
        return violations.get(0);
    }

    private static FlagSpec withRule(RuleSpec rule) {
        return new FlagSpec("boolean", null, true, onOff(), "off", List.of(rule), null);
    }

    private static FlagSpec withCondition(String attribute, String operator, Object value, List<Object> values) {
        return withRule(new RuleSpec(null, List.of(new ConditionSpec(attribute, operator, value, values)), "on", null));
    }

    @Test
    void anUnknownDefaultVariantIsNamed() {
        Violation violation = only(new FlagSpec("boolean", null, true, onOff(), "maybe", null, null));
        assertEquals("defaultVariant", violation.field());
        assertEquals("'maybe' is not a variant of the flag (on, off)", violation.message());
    }

    @Test
    void aRuleNamingAnUnknownVariantIsNamed() {
        Violation violation = only(withRule(new RuleSpec(null, null, "maybe", null)));
        assertEquals("rules[0].variant", violation.field());
    }

    @Test
    void aVariantOfAnotherTypeThanTheFlagsIsNamed() {
        Map<String, Object> variants = onOff();
        variants.put("off", "false");
        Violation violation = only(new FlagSpec("boolean", null, true, variants, "off", null, null));
        assertEquals("variants.off", violation.field());
        assertEquals("is not a boolean, the flag's type", violation.message());
    }

    @Test
    void everyTypeHoldsItsOwnValues() {
        Definitions.flag("n", new FlagSpec("number", null, true, new HashMap<>(Map.of("low", 1, "high", 2.5)), "low", null,
                null));
        Definitions.flag("o", new FlagSpec("object", null, true, new HashMap<>(Map.of("a", Map.of("x", List.of(1)))), "a",
                null, null));
        assertEquals("variants.a", only(new FlagSpec("object", null, true, new HashMap<>(Map.of("a", List.of(1))), "a", null,
                null)).field());
        assertEquals("type", only(new FlagSpec("integer", null, true, onOff(), "on", null, null)).field());
    }

    @Test
    void numbersMustBeFinite() {
        Violation violation = only(new FlagSpec("object", null, true,
                new HashMap<>(Map.of("a", Map.of("limits", List.of(Double.POSITIVE_INFINITY)))), "a", null, null));
        assertEquals("variants.a", violation.field());
        assertEquals("rules[0].conditions[0].value", only(withCondition("age", "lessThan", Double.NaN, null)).field());
    }

    @Test
    void aBadRegularExpressionIsNamed() {
        Violation violation = only(withCondition("email", "matches", "(unclosed", null));
        assertEquals("rules[0].conditions[0].value", violation.field());
        assertTrue(violation.message().startsWith("is not a valid RE2 regular expression"), violation.message());
        // Backreferences cannot match in linear time, so RE2 has none.
        assertEquals("rules[0].conditions[0].value", only(withCondition("word", "matches", "(a)\\1", null)).field());
    }

    @Test
    void operandsMustSuitTheirOperator() {
        assertEquals("rules[0].conditions[0].operator", only(withCondition("a", "like", "x", null)).field());
        assertEquals("rules[0].conditions[0].attribute", only(withCondition(null, "equals", "x", null)).field());
        assertEquals("rules[0].conditions[0].values", only(withCondition("a", "equals", null, List.of("x"))).field());
        assertEquals("rules[0].conditions[0].value", only(withCondition("a", "in", "x", null)).field());
        assertEquals("rules[0].conditions[0].values", only(withCondition("a", "in", null, List.of())).field());
        assertEquals("rules[0].conditions[0].values[1]", only(withCondition("a", "in", null, List.of("x", Map.of()))).field());
        assertEquals("rules[0].conditions[0].value", only(withCondition("v", "semverLessThan", "2.x", null)).field());
        assertEquals("rules[0].conditions[0].value", only(withCondition(null, "before", "next tuesday", null)).field());
        assertEquals("rules[0].conditions[0].value", only(withCondition("a", "greaterThan", "10", null)).field());
        assertEquals("rules[0].conditions[0].attribute", only(withCondition("a", "inSegment", null, List.of("s"))).field());
    }

    @Test
    void aRuleNamesAVariantOrARolloutNotBoth() {
        List<SplitSpec> all = List.of(new SplitSpec("on", BigDecimal.valueOf(100)));
        assertEquals("rules[0]", only(withRule(new RuleSpec(null, null, "on", all))).field());
        assertEquals("rules[0]", only(withRule(new RuleSpec(null, null, null, null))).field());
    }

    @Test
    void aRolloutsPercentagesAddUpToAHundredWithAtMostThreeDecimals() {
        Violation sum = only(withRule(new RuleSpec(null, null, null, List.of(new SplitSpec("on", new BigDecimal("10")),
                new SplitSpec("off", new BigDecimal("80"))))));
        assertEquals("rules[0].rollout", sum.field());
        assertEquals("the percentages add up to 90, not 100", sum.message());
        Definitions.flag("f", withRule(new RuleSpec(null, null, null, List.of(new SplitSpec("on", new BigDecimal("33.333")),
                new SplitSpec("off", new BigDecimal("66.667"))))));
        assertEquals("rules[0].rollout[0].percentage", only(withRule(new RuleSpec(null, null, null, List.of(
                new SplitSpec("on", new BigDecimal("10.0005")), new SplitSpec("off", new BigDecimal("89.999")))))).field());
        assertEquals("rules[0].rollout[1].percentage", only(withRule(new RuleSpec(null, null, null, List.of(
                new SplitSpec("on", new BigDecimal("100")), new SplitSpec("off", new BigDecimal("-0.5")))))).field());
        assertEquals("rules[0].rollout[1].variant", only(withRule(new RuleSpec(null, null, null, List.of(
                new SplitSpec("on", new BigDecimal("50")), new SplitSpec("on", new BigDecimal("50")))))).field());
    }

    @Test
    void metadataHoldsOnlyScalars() {
        Violation violation = only(new FlagSpec("boolean", null, true, onOff(), "on", null, Map.of("owner", Map.of())));
        assertEquals("metadata.owner", violation.field());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<Violation> violations = violations(new FlagSpec("boolean", null, true, onOff(), "maybe", List.of(
                new RuleSpec(null, null, "perhaps", null)), null));
        assertEquals(List.of("defaultVariant", "rules[0].variant"), violations.stream().map(Violation::field).toList());
    }

    @Test
    void aSegmentCannotNameAnotherSegment() {
        List<Violation> violations = assertThrows(InvalidDefinition.class, () -> Definitions.segment("s", new SegmentSpec(
                null, List.of(new ConditionSpec(null, "inSegment", null, List.of("other")))))).violations();
        assertEquals("conditions[0].operator", violations.get(0).field());
    }

    @Test
    void keysAreLettersDigitsAndAFewMarks() {
        assertTrue(Definitions.isKey("new-checkout.v2_beta"));
        assertTrue(!Definitions.isKey("-leading") && !Definitions.isKey("with space") && !Definitions.isKey("x".repeat(101)));
    }
}

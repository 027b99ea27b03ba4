package dev.flotilla.health.condition;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conditions refused when parsed: each named by its index and text, with a reason a person can act on. */
class InvalidConditionsTest {

    private static InvalidConditions.Problem theProblem(String condition) {
        InvalidConditions invalid = assertThrows(InvalidConditions.class, () -> Conditions.parse(List.of(condition)));
        assertEquals(1, invalid.problems().size());
        InvalidConditions.Problem problem = invalid.problems().get(0);
        assertEquals(0, problem.index());
        assertEquals(condition, problem.condition());
        return problem;
    }

    private static String reason(String condition) {
        return theProblem(condition).reason();
    }

    @Test
    void everyBadConditionIsListedWithItsIndexAndTheGoodOnesAreNot() {
        InvalidConditions invalid = assertThrows(InvalidConditions.class,
                () -> Conditions.parse(List.of("[STATUS] == 200", "[STAUTS] == 200", "[BODY].ok == true", "")));
        assertEquals(List.of(1, 3), invalid.problems().stream().map(InvalidConditions.Problem::index).toList());
        assertEquals("[STAUTS] == 200", invalid.problems().get(0).condition());
        assertTrue(invalid.getMessage().contains("conditions[1] '[STAUTS] == 200'"), invalid.getMessage());
    }

    @Test
    void validConditionsParseAndKeepTheirTexts() {
        List<String> texts = List.of("[STATUS] == 200", "len([BODY].items) > 0");
        assertEquals(texts, Conditions.parse(texts).texts());
    }

    @Test
    void noConditionsIsNoFailure() {
        assertEquals(List.of(), Conditions.parse(List.of()).failing(Observations.status(500)));
        assertEquals(List.of(), Conditions.parse(null).texts());
    }

    @Test
    void anEmptyOrBlankOrMissingConditionIsRefused() {
        assertEquals("the condition is empty", reason(""));
        assertEquals("the condition is empty", reason("   "));
        InvalidConditions invalid = assertThrows(InvalidConditions.class,
                () -> Conditions.parse(Arrays.asList("[STATUS] == 200", null)));
        assertEquals(new InvalidConditions.Problem(1, "", "the condition is empty"), invalid.problems().get(0));
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingIt() {
        assertTrue(reason("[STAUTS] == 200").startsWith("unknown placeholder [STAUTS]"));
    }

    @Test
    void gatusPlaceholdersThatAreNotObservedHereAreRefused() {
        assertTrue(reason("[IP] == 127.0.0.1").startsWith("[IP] is a Gatus placeholder health-service does not"));
        assertTrue(reason("[DNS_RCODE] == NOERROR").startsWith("[DNS_RCODE] is a Gatus placeholder"));
        assertTrue(reason("[DOMAIN_EXPIRATION] > 720h").startsWith("[DOMAIN_EXPIRATION] is a Gatus placeholder"));
    }

    @Test
    void aPathAfterAnotherPlaceholderThanBodyIsRefused() {
        assertEquals("[STATUS] takes no path (only [BODY] does), not .code", reason("[STATUS].code == 200"));
    }

    @Test
    void aMissingOperatorIsRefused() {
        assertTrue(reason("[STATUS] 200").startsWith("the condition has no operator"));
    }

    @Test
    void anOperatorWithoutSpacesIsRefusedSayingSo() {
        assertEquals("the operator needs a space on each side, e.g. [STATUS] == 200", reason("[STATUS]==200"));
    }

    @Test
    void aMissingSideIsRefused() {
        assertEquals("nothing on the right of ==", reason("[STATUS] =="));
        assertEquals("nothing on the left of <", reason("< 300"));
    }

    @Test
    void aRepeatedOperatorIsRefused() {
        assertEquals("the condition has == more than once", reason("[STATUS] == 200 == 200"));
    }

    @Test
    void aConditionWithoutAPlaceholderIsRefused() {
        assertTrue(reason("STATUS == 200").startsWith("neither side is a placeholder"));
    }

    @Test
    void anUnknownFunctionIsRefused() {
        assertEquals("unknown function size(): the functions are len, has, pat and any",
                reason("size([BODY].items) > 0"));
    }

    @Test
    void anUnclosedFunctionIsRefused() {
        assertEquals("len( is not closed: len([BODY].items", reason("len([BODY].items > 0"));
    }

    @Test
    void lenAndHasTakeOnlyTheBody() {
        assertTrue(reason("len([STATUS]) == 3").startsWith("len() takes [BODY] or a path into it"));
        assertTrue(reason("has() == true").startsWith("has() takes [BODY] or a path into it"));
    }

    @Test
    void patAndAnyNeedValues() {
        assertEquals("pat() needs a value", reason("[BODY].name == pat()"));
        assertEquals("any() needs a value", reason("[STATUS] == any(200, , 429)"));
        assertEquals("any() takes constant values, not [BODY].id", reason("[STATUS] == any([BODY].id)"));
    }

    @Test
    void patAndAnyWorkOnlyWithEquality() {
        assertEquals("pat() works only with == and !=", reason("[STATUS] < pat(3*)"));
        assertEquals("any() works only with == and !=", reason("[STATUS] >= any(200, 300)"));
    }

    @Test
    void patComparedWithAnyHasNoPlaceholderAndIsRefused() {
        assertTrue(reason("pat(2*) == any(200, 201)").startsWith("neither side is a placeholder"));
    }

    @Test
    void orderingAConstantThatIsNoNumberIsRefused() {
        assertEquals("> compares numbers and durations; UP is neither", reason("[BODY].status > UP"));
    }

    @Test
    void aDayIsNotADurationUnitAsInGatus() {
        assertEquals("1d is not a duration: the units are h, m, s, ms, us and ns (a day is 24h)",
                reason("[CERTIFICATE_EXPIRATION] > 1d"));
    }

    @Test
    void aTrueOrFalseValueIsNotOrdered() {
        assertEquals("[CONNECTED] is true or false: compare it with == or !=, not >", reason("[CONNECTED] > 0"));
        assertTrue(reason("has([BODY].a) < 1").startsWith("has([BODY].a) is true or false"));
    }

    @Test
    void aTrueOrFalseValueIsComparedWithTrueOrFalseOnly() {
        assertEquals("[CONNECTED] is true or false, never yes", reason("[CONNECTED] == yes"));
    }

    @Test
    void aBadPathIsRefusedNamingThePart() {
        assertEquals("the path [BODY].a..b has an empty name", reason("[BODY].a..b == 1"));
        assertEquals("[x] in the path [BODY].items[x] is not an array index such as [0]",
                reason("[BODY].items[x] == 1"));
        assertEquals("[-1] in the path [BODY].items[-1] is not an array index such as [0]",
                reason("[BODY].items[-1] == 1"));
        assertEquals("the path [BODY].items[0 has a [ without its ]", reason("[BODY].items[0 == 1"));
        assertEquals("after [BODY] comes a path such as .status or [0], not x", reason("[BODY]x == 1"));
    }

    @Test
    void anOverlongConditionIsRefused() {
        assertEquals("the condition is longer than 500 characters", reason("[BODY] == " + "x".repeat(500)));
    }
}

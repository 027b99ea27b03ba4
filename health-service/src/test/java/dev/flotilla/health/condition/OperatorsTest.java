package dev.flotilla.health.condition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flotilla.health.condition.Observations.body;
import static dev.flotilla.health.condition.Observations.failing;
import static dev.flotilla.health.condition.Observations.http;
import static dev.flotilla.health.condition.Observations.meets;
import static dev.flotilla.health.condition.Observations.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each operator, and how numbers, durations and text compare. */
class OperatorsTest {

    @Test
    void equalHoldsForTheSameValueOnly() {
        assertTrue(meets(status(200), "[STATUS] == 200"));
        assertFalse(meets(status(201), "[STATUS] == 200"));
    }

    @Test
    void notEqualHoldsForAnyOtherValue() {
        assertTrue(meets(status(200), "[STATUS] != 500"));
        assertEquals(List.of("[STATUS] (500) != 500"), failing(status(500), "[STATUS] != 500"));
    }

    @Test
    void lessThanExcludesTheBound() {
        assertTrue(meets(status(299), "[STATUS] < 300"));
        assertFalse(meets(status(300), "[STATUS] < 300"));
    }

    @Test
    void atMostIncludesTheBound() {
        assertTrue(meets(status(299), "[STATUS] <= 299"));
        assertFalse(meets(status(301), "[STATUS] <= 299"));
    }

    @Test
    void greaterThanExcludesTheBound() {
        assertTrue(meets(status(401), "[STATUS] > 400"));
        assertFalse(meets(status(400), "[STATUS] > 400"));
    }

    @Test
    void atLeastIncludesTheBound() {
        assertTrue(meets(status(200), "[STATUS] >= 200"));
        assertFalse(meets(status(199), "[STATUS] >= 200"));
    }

    @Test
    void orderingComparesNumbersNumericallyNotAsText() {
        // As text "9" sorts after "10"; as numbers it is smaller.
        assertTrue(meets(body("{\"n\":9}"), "[BODY].n < 10"));
        assertTrue(meets(body("{\"n\":-2.5}"), "[BODY].n < -2"));
        assertTrue(meets(body("{\"n\":1e3}"), "[BODY].n >= 1000"));
    }

    @Test
    void equalityComparesNumbersNumerically() {
        assertTrue(meets(body("{\"n\":200.0}"), "[BODY].n == 200"));
        assertTrue(meets(body("{\"n\":0.1}"), "[BODY].n == 0.10"));
    }

    @Test
    void aNumberInAJsonStringComparesAsANumberAsInGatus() {
        assertTrue(meets(body("{\"n\":\"42\"}"), "[BODY].n == 42.0"));
        assertTrue(meets(body("{\"n\":\"42\"}"), "[BODY].n > 9"));
    }

    @Test
    void equalityComparesOtherValuesAsExactText() {
        assertTrue(meets(body("{\"status\":\"UP\"}"), "[BODY].status == UP"));
        assertFalse(meets(body("{\"status\":\"up\"}"), "[BODY].status == UP"));
        assertFalse(meets(body("{\"status\":\"UP\"}"), "[BODY].status == \"UP\""));
    }

    @Test
    void aValueMayHoldSpaces() {
        assertTrue(meets(body("{\"m\":\"all good now\"}"), "[BODY].m == all good now"));
    }

    @Test
    void orderingOfTextThatIsNoNumberFailsSayingSo() {
        assertEquals(List.of("[BODY].n (many, not a number) > 3"), failing(body("{\"n\":\"many\"}"), "[BODY].n > 3"));
    }

    @Test
    void durationsCompareByLength() {
        assertTrue(meets(http(200, 1_499, ""), "[RESPONSE_TIME] < 1.5s"));
        assertFalse(meets(http(200, 1_500, ""), "[RESPONSE_TIME] < 1.5s"));
        assertTrue(meets(body("{\"uptime\":\"2h30m\"}"), "[BODY].uptime > 149m"));
        assertFalse(meets(body("{\"uptime\":\"2h30m\"}"), "[BODY].uptime > 9000s"));
    }

    @Test
    void equalDurationsAreEqualWhateverTheirUnits() {
        assertTrue(meets(body("{\"ttl\":\"1h\"}"), "[BODY].ttl == 60m"));
        assertFalse(meets(body("{\"ttl\":\"1h\"}"), "[BODY].ttl == 61m"));
    }

    @Test
    void aNumberIsNotEqualToADurationSpelledDifferently() {
        assertFalse(meets(body("{\"ttl\":3600000}"), "[BODY].ttl == 1h"));
    }

    @Test
    void anOperatorInsideAValueIsPartOfIt() {
        assertTrue(meets(body("{\"expr\":\"a < b\"}"), "[BODY].expr == a < b"));
    }
}

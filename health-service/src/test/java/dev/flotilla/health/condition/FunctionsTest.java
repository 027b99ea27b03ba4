package dev.flotilla.health.condition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flotilla.health.condition.Observations.body;
import static dev.flotilla.health.condition.Observations.failing;
import static dev.flotilla.health.condition.Observations.meets;
import static dev.flotilla.health.condition.Observations.status;
import static dev.flotilla.health.condition.Observations.tcp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code len}, {@code has}, {@code pat} and {@code any}. */
class FunctionsTest {

    @Test
    void lenOfAnArrayIsItsNumberOfElements() {
        assertTrue(meets(body("{\"items\":[1,2,3]}"), "len([BODY].items) == 3"));
        assertEquals(List.of("len([BODY].items) (0) > 0"), failing(body("{\"items\":[]}"), "len([BODY].items) > 0"));
    }

    @Test
    void lenOfAStringIsItsNumberOfCharacters() {
        assertTrue(meets(body("{\"name\":\"john.doe\"}"), "len([BODY].name) == 8"));
        assertTrue(meets(body("{\"name\":\"é😀\"}"), "len([BODY].name) == 2"));
    }

    @Test
    void lenOfAnObjectIsTheLengthOfItsMinifiedJson() {
        assertTrue(meets(body("{\"o\": { \"a\" : 1 }}"), "len([BODY].o) == 7"));
    }

    @Test
    void lenOfTheBodyCountsAnArraysElementsOrElseCharacters() {
        assertTrue(meets(body("[1, 2]"), "len([BODY]) == 2"));
        assertTrue(meets(body(" pong "), "len([BODY]) == 4"));
    }

    @Test
    void lenOfAMissingPathFails() {
        assertEquals(List.of("len([BODY].items) (missing) > 0"), failing(body("{}"), "len([BODY].items) > 0"));
    }

    @Test
    void hasIsWhetherAPathLeadsToAValue() {
        assertTrue(meets(body("{\"users\":[]}"), "has([BODY].users) == true"));
        assertTrue(meets(body("{\"name\":\"x\"}"), "has([BODY].errors) == false"));
        assertEquals(List.of("has([BODY].errors) (true) == false"),
                failing(body("{\"errors\":[]}"), "has([BODY].errors) == false"));
    }

    @Test
    void hasCountsJsonNullAsNoValueAsInGatus() {
        assertTrue(meets(body("{\"errors\":null}"), "has([BODY].errors) == false"));
    }

    @Test
    void hasIsFalseWhenTheBodyIsNotJsonOrAbsent() {
        assertTrue(meets(body("<html>"), "has([BODY].status) == false"));
        assertTrue(meets(tcp(true), "has([BODY].status) == false"));
    }

    @Test
    void hasOfTheBodyIsWhetherThereIsOne() {
        assertTrue(meets(body("x"), "has([BODY]) == true"));
        assertTrue(meets(body(" "), "has([BODY]) == false"));
    }

    @Test
    void patMatchesAGlobWhereStarIsAnyRun() {
        assertTrue(meets(body("{\"name\":\"john.doe\"}"), "[BODY].name == pat(john*)"));
        assertTrue(meets(body("{\"path\":\"/a/b/c\"}"), "[BODY].path == pat(/a/*/c)"));
        assertTrue(meets(body("{\"name\":\"abc\"}"), "[BODY].name == pat(a*b*c)"));
        assertFalse(meets(body("{\"name\":\"bob\"}"), "[BODY].name == pat(john*)"));
        assertFalse(meets(body("{\"name\":\"ab\"}"), "[BODY].name == pat(a*b*c)"));
    }

    @Test
    void patWithoutAStarMatchesOnlyItself() {
        assertTrue(meets(body("{\"v\":\"a.b\"}"), "[BODY].v == pat(a.b)"));
        assertFalse(meets(body("{\"v\":\"axb\"}"), "[BODY].v == pat(a.b)"));
    }

    @Test
    void patWithNotEqualHoldsWhenTheValueDoesNotMatch() {
        assertTrue(meets(status(200), "[STATUS] != pat(5*)"));
        assertEquals(List.of("[STATUS] (503) != pat(5*)"), failing(status(503), "[STATUS] != pat(5*)"));
    }

    @Test
    void patMayStandOnTheLeft() {
        assertTrue(meets(status(204), "pat(2*) == [STATUS]"));
    }

    @Test
    void anyHoldsWhenOneOptionIsEqual() {
        assertTrue(meets(status(429), "[STATUS] == any(200, 429)"));
        assertEquals(List.of("[STATUS] (500) == any(200, 429)"), failing(status(500), "[STATUS] == any(200, 429)"));
    }

    @Test
    void anyComparesEachOptionAsEqualityDoes() {
        assertTrue(meets(body("{\"id\":2.0}"), "[BODY].id == any(1,2)"));
        assertTrue(meets(body("{\"ip\":\"::1\"}"), "[BODY].ip == any(127.0.0.1, ::1)"));
    }

    @Test
    void anyWithNotEqualHoldsWhenNoOptionIsEqual() {
        assertTrue(meets(status(200), "[STATUS] != any(500, 503)"));
        assertFalse(meets(status(503), "[STATUS] != any(500, 503)"));
    }
}

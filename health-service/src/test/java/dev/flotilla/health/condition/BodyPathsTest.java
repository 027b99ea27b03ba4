package dev.flotilla.health.condition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flotilla.health.condition.Observations.body;
import static dev.flotilla.health.condition.Observations.failing;
import static dev.flotilla.health.condition.Observations.meets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paths into a JSON body: names, array indexes, and what a path that leads nowhere does. */
class BodyPathsTest {

    private static final String HEALTH = """
            {"status": "UP",
             "checks": [{"name": "database", "status": "UP", "data": {"pool": [3, 5]}},
                        {"name": "broker", "status": "DOWN"}],
             "matrix": [[1, 2], [3, 4]],
             "ready": true,
             "error": null,
             "user": {"name": "john"}}
            """;

    @Test
    void aNameReadsAMemberOfAnObject() {
        assertTrue(meets(body(HEALTH), "[BODY].status == UP"));
        assertTrue(meets(body(HEALTH), "[BODY].user.name == john"));
    }

    @Test
    void anIndexReadsAnElementOfAnArray() {
        assertTrue(meets(body(HEALTH), "[BODY].checks[1].status == DOWN"));
        assertTrue(meets(body(HEALTH), "[BODY].checks[0].data.pool[1] == 5"));
    }

    @Test
    void indexesFollowEachOtherIntoNestedArrays() {
        assertTrue(meets(body(HEALTH), "[BODY].matrix[1][0] == 3"));
    }

    @Test
    void aBodyThatIsAnArrayIsIndexedDirectly() {
        assertTrue(meets(body("[{\"id\":7}]"), "[BODY][0].id == 7"));
    }

    @Test
    void booleansAndNullReadAsTheirJsonText() {
        assertTrue(meets(body(HEALTH), "[BODY].ready == true"));
        assertTrue(meets(body(HEALTH), "[BODY].error == null"));
    }

    @Test
    void anObjectOrArrayReadsAsMinifiedJson() {
        assertTrue(meets(body(HEALTH), "[BODY].user == {\"name\":\"john\"}"));
        assertTrue(meets(body(HEALTH), "[BODY].matrix[0] == [1,2]"));
    }

    @Test
    void aMissingNameFailsTheConditionSayingSo() {
        assertEquals(List.of("[BODY].version (missing) == 2"), failing(body(HEALTH), "[BODY].version == 2"));
    }

    @Test
    void aMissingPathFailsEveryOperatorEvenNotEqual() {
        assertEquals(List.of("[BODY].version (missing) != 2"), failing(body(HEALTH), "[BODY].version != 2"));
        assertEquals(List.of("[BODY].version (missing) < 2"), failing(body(HEALTH), "[BODY].version < 2"));
    }

    @Test
    void anIndexPastTheEndIsMissing() {
        assertEquals(List.of("[BODY].checks[2].status (missing) == UP"),
                failing(body(HEALTH), "[BODY].checks[2].status == UP"));
    }

    @Test
    void aNameInsideAStringOrAnIndexIntoAnObjectIsMissing() {
        assertEquals(List.of("[BODY].status.code (missing) == 1"), failing(body(HEALTH), "[BODY].status.code == 1"));
        assertEquals(List.of("[BODY].user[0] (missing) == 1"), failing(body(HEALTH), "[BODY].user[0] == 1"));
    }

    @Test
    void aBodyThatIsNotJsonFailsPathConditionsSayingSo() {
        assertEquals(List.of("[BODY].status (body is not JSON) == UP"),
                failing(body("<html>down</html>"), "[BODY].status == UP"));
    }

    @Test
    void jsonFollowedByMoreTextIsNotJson() {
        assertEquals(List.of("[BODY].a (body is not JSON) == 1"), failing(body("{\"a\":1} trailing"), "[BODY].a == 1"));
    }

    @Test
    void anEmptyBodyIsNotJson() {
        assertEquals(List.of("[BODY].a (body is not JSON) == 1"), failing(body(""), "[BODY].a == 1"));
    }

    @Test
    void everyFailingConditionIsReportedAndTheOthersNot() {
        assertEquals(List.of("[BODY].checks[1].status (DOWN) == UP", "[BODY].nope (missing) == 1"),
                failing(body(HEALTH), "[BODY].status == UP", "[BODY].checks[1].status == UP", "[BODY].nope == 1",
                        "len([BODY].checks) == 2"));
    }
}

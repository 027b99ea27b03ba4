package dev.flotilla.health.condition;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.flotilla.health.condition.Observations.body;
import static dev.flotilla.health.condition.Observations.failing;
import static dev.flotilla.health.condition.Observations.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a failing condition is told: as written, with what each observed side resolved to. */
class FailureReasonsTest {

    @Test
    void aReasonShowsTheObservedValueNextToItsPlaceholderAndTheConstantAsWritten() {
        assertEquals(List.of("[BODY].status (DOWN) == UP"), failing(body("{\"status\":\"DOWN\"}"), "[BODY].status == UP"));
    }

    @Test
    void aReasonNormalisesTheSpacingAroundTheOperator() {
        assertEquals(List.of("[STATUS] (503) == 200"), failing(status(503), "  [STATUS]   ==   200 "));
    }

    @Test
    void aLongObservedValueIsCutShortAndMarked() {
        String name = "n".repeat(500);
        String reason = failing(body("{\"name\":\"" + name + "\"}"), "[BODY].name == pat(x*)").get(0);
        assertEquals("[BODY].name (" + "n".repeat(Condition.MAX_SHOWN) + "...(truncated)) == pat(x*)", reason);
    }

    @Test
    void aReasonIsOneLineWhateverTheBody() {
        String reason = failing(body("line one\n\tline two\r\n"), "[BODY] == ok").get(0);
        assertEquals("[BODY] (line one line two) == ok", reason);
    }

    @Test
    void aReasonStaysBoundedForALargeBody() {
        String reason = failing(body("x ".repeat(100_000)), "[BODY] == ok").get(0);
        assertTrue(reason.length() < ConditionParser.MAX_LENGTH + 2 * (Condition.MAX_SHOWN + 20), reason);
        assertTrue(reason.endsWith("...(truncated)) == ok"), reason);
    }

    @Test
    void aLiteralIsNeverShownResolved() {
        assertEquals(List.of("[STATUS] (500) < 300"), failing(status(500), "[STATUS] < 300"));
    }
}

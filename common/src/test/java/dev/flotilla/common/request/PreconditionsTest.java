package dev.flotilla.common.request;

import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code If-Match} on an edited resource: required for a change (428), and stale tags refused (412). */
class PreconditionsTest {

    private static final String CURRENT = "\"3\"";

    @Test
    void aChangeWithoutIfMatchIsRefusedAsPreconditionRequired() {
        var refused = assertThrows(ProblemException.class, () -> Preconditions.require(null, "policy"));
        assertEquals(ProblemType.PRECONDITION_REQUIRED, refused.type());
    }

    @Test
    void aBlankIfMatchCountsAsNone() {
        var refused = assertThrows(ProblemException.class, () -> Preconditions.require("  ", "policy"));
        assertEquals(ProblemType.PRECONDITION_REQUIRED, refused.type());
    }

    @Test
    void anyIfMatchSatisfiesTheRequirement() {
        assertDoesNotThrow(() -> Preconditions.require("\"1\"", "policy"));
    }

    @Test
    void withoutIfMatchThereIsNothingToCheck() {
        assertDoesNotThrow(() -> Preconditions.check(null, CURRENT, "policy"));
        assertDoesNotThrow(() -> Preconditions.check("", CURRENT, "policy"));
    }

    @Test
    void theCurrentTagPasses() {
        assertDoesNotThrow(() -> Preconditions.check("\"3\"", CURRENT, "policy"));
    }

    @Test
    void theCurrentTagPassesUnquotedOrWeak() {
        assertDoesNotThrow(() -> Preconditions.check("3", CURRENT, "policy"));
        assertDoesNotThrow(() -> Preconditions.check("W/\"3\"", CURRENT, "policy"));
    }

    @Test
    void aStarPassesWhateverTheCurrentTag() {
        assertDoesNotThrow(() -> Preconditions.check("*", CURRENT, "policy"));
    }

    @Test
    void aListPassesWhenOneOfItsTagsIsCurrent() {
        assertDoesNotThrow(() -> Preconditions.check("\"1\", \"3\"", CURRENT, "policy"));
    }

    @Test
    void aStaleTagFailsAsPreconditionFailedNamingTheCurrentTag() {
        var refused = assertThrows(ProblemException.class, () -> Preconditions.check(" \"2\" ", CURRENT, "policy"));
        assertEquals(ProblemType.PRECONDITION_FAILED, refused.type());
        assertTrue(refused.getMessage().contains("since \"2\"; its current ETag is \"3\""), refused.getMessage());
    }

    @Test
    void aListOfStaleTagsFails() {
        var refused = assertThrows(ProblemException.class, () -> Preconditions.check("\"1\", W/\"2\"", CURRENT, "policy"));
        assertEquals(ProblemType.PRECONDITION_FAILED, refused.type());
    }

    @Test
    void theRefusalNamesTheEditedResource() {
        var refused = assertThrows(ProblemException.class, () -> Preconditions.check("\"2\"", CURRENT, "template"));
        assertTrue(refused.getMessage().startsWith("The template has changed"), refused.getMessage());
    }
}

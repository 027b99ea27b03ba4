package dev.flotilla.config.entry;

import dev.flotilla.common.error.PreconditionFailed;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PreconditionTest {

    @Test
    void aNewEntryIsCreatedWithoutIfMatchOrWithIfNoneMatchStar() {
        assertDoesNotThrow(() -> Precondition.of(null, null).check(null));
        assertDoesNotThrow(() -> Precondition.of(null, "*").check(null));
    }

    @Test
    void ifMatchForAnEntryThatDoesNotExistFails() {
        assertThrows(PreconditionFailed.class, () -> Precondition.of("\"3\"", null).check(null));
        assertThrows(PreconditionFailed.class, () -> Precondition.of("*", null).check(null));
    }

    @Test
    void changingAnExistingEntryRequiresIfMatch() {
        ProblemException failure = assertThrows(ProblemException.class, () -> Precondition.of(null, null).check("\"3\""));
        assertEquals(ProblemType.PRECONDITION_REQUIRED, failure.type());
    }

    @Test
    void ifMatchMustNameTheCurrentETag() {
        assertDoesNotThrow(() -> Precondition.of("\"3\"", null).check("\"3\""));
        assertDoesNotThrow(() -> Precondition.of("W/\"3\"", null).check("\"3\""));
        assertThrows(PreconditionFailed.class, () -> Precondition.of("\"2\"", null).check("\"3\""));
    }

    @Test
    void ifNoneMatchStarFailsWhenTheEntryExists() {
        assertThrows(PreconditionFailed.class, () -> Precondition.of(null, "*").check("\"3\""));
    }

    @Test
    void aRestoreExpectsNothing() {
        assertDoesNotThrow(() -> Precondition.NONE.check("\"3\""));
        assertDoesNotThrow(() -> Precondition.NONE.check(null));
    }
}

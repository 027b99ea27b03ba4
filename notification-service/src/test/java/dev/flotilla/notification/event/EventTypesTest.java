package dev.flotilla.notification.event;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventTypesTest {

    @Test
    void aTypeIsDotSeparatedLowerCaseWords() {
        assertTrue(EventTypes.isType("task.failed"));
        assertTrue(EventTypes.isType("workflow.step-2.completed"));
        assertFalse(EventTypes.isType("Task.Failed"));
        assertFalse(EventTypes.isType("task..failed"));
        assertFalse(EventTypes.isType("task.*"));
        assertFalse(EventTypes.isType(""));
        assertFalse(EventTypes.isType("a".repeat(EventTypes.MAX_LENGTH + 1)));
    }

    @Test
    void aPatternIsATypeAPrefixWildcardOrEverything() {
        assertTrue(EventTypes.isPattern("task.failed"));
        assertTrue(EventTypes.isPattern("task.*"));
        assertTrue(EventTypes.isPattern("*"));
        assertFalse(EventTypes.isPattern("*.failed"));
        assertFalse(EventTypes.isPattern("task.*.failed"));
    }

    @Test
    void aPrefixWildcardSelectsEveryTypeUnderItAtAnyDepth() {
        assertTrue(EventTypes.matches("task.*", "task.failed"));
        assertTrue(EventTypes.matches("task.*", "task.run.failed"));
        assertFalse(EventTypes.matches("task.*", "task"));
        assertFalse(EventTypes.matches("task.*", "tasks.failed"));
        assertTrue(EventTypes.matches("*", "anything.at.all"));
        assertTrue(EventTypes.matches("task.failed", "task.failed"));
        assertFalse(EventTypes.matches("task.failed", "task.failed.twice"));
    }

    @Test
    void theSelectingPatternsOfATypeGoFromMostToLeastSpecific() {
        List<String> patterns = EventTypes.patternsSelecting("task.run.failed");
        assertEquals(List.of("task.run.failed", "task.run.*", "task.*", "*"), patterns);
        assertEquals(List.of("ping", "*"), EventTypes.patternsSelecting("ping"));
        assertTrue(patterns.stream().allMatch(pattern -> EventTypes.matches(pattern, "task.run.failed")));
    }
}

package dev.flotilla.task.task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the rows a statement changed set off in the same transaction: dependents released or cancelled, workflows rolled up. */
class TransitionsTest {

    private final UUID workflow = UUID.randomUUID();

    private static TaskRow row(UUID id, UUID workflow, TaskStatus previous, TaskStatus status) {
        TaskView view = new TaskView(id, "work", null, 5, List.of(), status, null, null, 1, 3,
                new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0), workflow, workflow == null ? null : "key",
                null, null, null, null, null, false, null, null, null, null, null, null, null, null, null);
        return new TaskRow(UUID.randomUUID(), previous, UUID.randomUUID(), view);
    }

    private static TaskRow row(UUID workflow, TaskStatus previous, TaskStatus status) {
        return row(UUID.randomUUID(), workflow, previous, status);
    }

    @Test
    void aTaskOfNoWorkflowSetsOffNothing() {
        Transitions.Consequences due = Transitions.Consequences
                .of(List.of(row(null, TaskStatus.RUNNING, TaskStatus.SUCCEEDED)));
        assertEquals(new Transitions.Consequences(Set.of(), List.of(), List.of()), due);
    }

    @Test
    void aWorkflowTaskThatSucceededReleasesItsDependentsAndRollsUpItsWorkflow() {
        UUID task = UUID.randomUUID();
        Transitions.Consequences due = Transitions.Consequences
                .of(List.of(row(task, workflow, TaskStatus.RUNNING, TaskStatus.SUCCEEDED)));
        assertEquals(new Transitions.Consequences(Set.of(workflow), List.of(task), List.of()), due);
    }

    @ParameterizedTest
    @EnumSource(value = TaskStatus.class, names = { "FAILED", "CANCELLED", "TIMED_OUT", "DEAD" })
    void aWorkflowTaskThatEndedWithoutSuccessCancelsItsDependents(TaskStatus ended) {
        UUID task = UUID.randomUUID();
        Transitions.Consequences due = Transitions.Consequences.of(List.of(row(task, workflow, TaskStatus.RUNNING, ended)));
        assertEquals(new Transitions.Consequences(Set.of(workflow), List.of(), List.of(task)), due);
    }

    @Test
    void aWorkflowTaskThatWasClaimedOnlyRollsUpItsWorkflow() {
        Transitions.Consequences due = Transitions.Consequences
                .of(List.of(row(workflow, TaskStatus.SCHEDULED, TaskStatus.RUNNING)));
        assertEquals(new Transitions.Consequences(Set.of(workflow), List.of(), List.of()), due);
    }

    @Test
    void aWorkflowTaskWhoseStatusDidNotMoveOnlyRollsUpItsWorkflow() {
        Transitions.Consequences due = Transitions.Consequences
                .of(List.of(row(workflow, TaskStatus.SUCCEEDED, TaskStatus.SUCCEEDED)));
        assertEquals(new Transitions.Consequences(Set.of(workflow), List.of(), List.of()), due);
    }

    @Test
    void eachWorkflowIsRolledUpOnceInTheOrderItsTasksCame() {
        UUID other = UUID.randomUUID();
        Transitions.Consequences due = Transitions.Consequences.of(List.of(row(other, TaskStatus.SCHEDULED, TaskStatus.RUNNING),
                row(workflow, TaskStatus.SCHEDULED, TaskStatus.RUNNING), row(other, TaskStatus.SCHEDULED, TaskStatus.RUNNING)));
        assertEquals(List.of(other, workflow), List.copyOf(due.workflows()));
    }
}

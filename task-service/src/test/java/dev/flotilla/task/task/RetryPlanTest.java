package dev.flotilla.task.task;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which tasks of a workflow a retry starts again. */
class RetryPlanTest {

    private static final UUID A = UUID.randomUUID(), B = UUID.randomUUID(), C = UUID.randomUUID(), D = UUID.randomUUID();

    private static RetryPlan.Node node(UUID id, TaskStatus status, boolean cancelRequested, UUID... dependsOn) {
        return new RetryPlan.Node(id, id.toString(), status, cancelRequested, List.of(dependsOn));
    }

    @Test
    void aWorkflowRetryResetsTheFailedTasksAndTheDependentsTheyCancelledButNotTheSucceeded() {
        var graph = List.of(node(A, TaskStatus.SUCCEEDED, false), node(B, TaskStatus.FAILED, false, A),
                node(C, TaskStatus.CANCELLED, false, B));
        assertEquals(Set.of(B, C), RetryPlan.ofWorkflow(graph));
    }

    @Test
    void aDependentOfATaskPeopleCancelledStaysCancelled() {
        var graph = List.of(node(A, TaskStatus.CANCELLED, true), node(B, TaskStatus.CANCELLED, false, A),
                node(C, TaskStatus.DEAD, false), node(D, TaskStatus.CANCELLED, false, C));
        assertEquals(Set.of(C, D), RetryPlan.ofWorkflow(graph));
    }

    @Test
    void aTaskRetryLeavesADependentThatAnotherFailureCancelled() {
        var graph = List.of(node(A, TaskStatus.FAILED, false), node(B, TaskStatus.TIMED_OUT, false),
                node(C, TaskStatus.CANCELLED, false, A), node(D, TaskStatus.CANCELLED, false, A, B));
        assertEquals(Set.of(A, C), RetryPlan.ofTask(graph, A));
    }
}

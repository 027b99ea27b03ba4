package dev.flotilla.task.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flotilla.task.task.TaskStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A workflow as the API shows it; {@code tasks} and {@code events} (its history, oldest first) are
 * present when one workflow is read, not in lists.
 */
public record WorkflowView(
        UUID id,
        String name,
        WorkflowStatus status,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Node> tasks,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Event> events) {

    public WorkflowView withEvents(List<Event> history) {
        return new WorkflowView(id, name, status, createdAt, updatedAt, finishedAt, tasks, history);
    }

    /** One task of the workflow: its key, its id (for the task API), status and dependencies. */
    public record Node(String key, UUID taskId, String type, TaskStatus status, List<String> dependsOn) {
    }

    /**
     * One event of the workflow's history: a change of its status, or a retry (whose status stays, {@code from} = {@code to}).
     */
    public record Event(Instant at, WorkflowStatus from, WorkflowStatus to, String reason) {
    }
}

package dev.flotilla.task.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.task.task.TaskView;

import java.util.UUID;

/**
 * What became of one task of a batch completion: {@code completed} with the task (SUCCEEDED), or
 * not, with the problem a single {@code complete} of it would have answered (404, 409).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Completion(UUID id, boolean completed, TaskView task, Problem problem) {

    static Completion of(TaskView task) {
        return new Completion(task.id(), true, task, null);
    }

    /** The outcome alone, for an answer that does not show the completed task. */
    Completion withoutTask() {
        return new Completion(id, completed, null, problem);
    }

    static Completion refused(UUID id, ProblemException refusal) {
        return new Completion(id, false, null,
                new Problem(refusal.type().uri(), refusal.type().title(), refusal.type().status(),
                        refusal.getMessage(), "/api/v1/tasks/" + id, refusal.errors(), null));
    }
}

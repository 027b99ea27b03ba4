package dev.flotilla.task.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The answer to a claim: the tasks now held by the agent, highest priority and oldest first
 * (possibly none), and, when the claim completed tasks first, an outcome per task in the order
 * given ({@link Completion}, without the completed task's view).
 */
public record Claims(List<ClaimedTask> tasks, @JsonInclude(JsonInclude.Include.NON_NULL) List<Completion> completions) {
}

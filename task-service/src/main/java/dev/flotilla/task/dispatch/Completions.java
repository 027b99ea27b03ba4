package dev.flotilla.task.dispatch;

import java.util.List;

/** The answer to {@code POST /api/v1/tasks/completions}: one outcome per task, in the order of the request. */
public record Completions(List<Completion> tasks) {
}

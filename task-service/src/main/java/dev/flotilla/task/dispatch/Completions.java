package dev.flotilla.task.dispatch;

import java.util.List;

/** The answer to {@code POST /api/v1/tasks/completions}: one outcome per task, in the order of the request. */
public record Completions(List<Completion> tasks) {

    /** The outcomes alone, without the completed tasks' views (the answer under {@code Prefer: return=minimal}). */
    public Completions minimal() {
        return new Completions(tasks.stream().map(Completion::withoutTask).toList());
    }
}

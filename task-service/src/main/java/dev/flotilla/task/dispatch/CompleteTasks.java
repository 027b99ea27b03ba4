package dev.flotilla.task.dispatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of {@code POST /api/v1/tasks/completions}: up to {@value #MAX} held tasks to complete, each under its lease. */
public record CompleteTasks(@NotNull @Size(min = 1, max = MAX) List<@NotNull @Valid TaskCompletion> tasks) {

    /** The most tasks one request may complete (as many as one claim may hand out). */
    public static final int MAX = 100;
}

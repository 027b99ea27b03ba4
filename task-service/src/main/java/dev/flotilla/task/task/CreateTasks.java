package dev.flotilla.task.task;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of {@code POST /api/v1/tasks/batch}: up to {@value #MAX} tasks, created together or,
 * if any of them is refused, not at all.
 */
public record CreateTasks(@NotNull @Size(min = 1, max = MAX) List<@NotNull @Valid BatchTask> tasks) {

    /** The most tasks one batch may create. */
    public static final int MAX = 100;
}

package dev.flotilla.task.task;

import java.util.UUID;

/** The optional filters of the task list; {@code null} means "any". */
public record TaskFilter(TaskStatus status, String type, UUID agent, UUID workflow) {
}

package dev.flotilla.task.task;

import java.time.Instant;
import java.util.UUID;

/** One recorded transition of a task: when, from which state to which, why, in which attempt, by which agent. */
public record TaskEventView(Instant at, TaskStatus from, TaskStatus to, String reason, int attempt, UUID agentId) {
}

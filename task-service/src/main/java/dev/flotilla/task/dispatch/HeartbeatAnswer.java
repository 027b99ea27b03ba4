package dev.flotilla.task.dispatch;

import java.time.Instant;

/** The answer to a task heartbeat: the renewed lease, and whether the agent should stop (cancellation requested). */
public record HeartbeatAnswer(boolean cancelRequested, Instant leaseExpiresAt) {
}

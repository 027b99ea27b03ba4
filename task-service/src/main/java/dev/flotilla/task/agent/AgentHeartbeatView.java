package dev.flotilla.task.agent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The answer to an agent's heartbeat: its state as the registry sees it, and the tasks it holds
 * whose cancellation has been requested (it should stop them and report with {@code fail}).
 */
public record AgentHeartbeatView(UUID agentId, AgentLifecycle lifecycle, AgentStatus status, Instant lastHeartbeatAt,
        List<UUID> cancelRequested) {
}

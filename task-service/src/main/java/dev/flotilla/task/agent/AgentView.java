package dev.flotilla.task.agent;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An agent as the API shows it, with its liveness derived at the time of the answer. */
public record AgentView(
        UUID id,
        String name,
        AgentType type,
        List<String> capabilities,
        List<String> tools,
        String modelPreference,
        Map<String, Object> config,
        Map<String, Object> memory,
        AgentLifecycle lifecycle,
        AgentStatus status,
        Instant lastHeartbeatAt,
        Instant createdAt,
        Instant updatedAt) {

    public static AgentView of(Agent agent, Instant onlineSince) {
        AgentStatus status = agent.lastHeartbeatAt != null && !agent.lastHeartbeatAt.isBefore(onlineSince)
                ? AgentStatus.ONLINE
                : AgentStatus.OFFLINE;
        return new AgentView(agent.id, agent.name, agent.type, agent.capabilities, agent.tools, agent.modelPreference,
                agent.config, agent.memory, agent.lifecycle, status, agent.lastHeartbeatAt, agent.createdAt, agent.updatedAt);
    }
}

package dev.flotilla.task.agent;

/** The optional filters of the agent list; {@code null} means "any". */
public record AgentFilter(AgentType type, AgentStatus status, AgentLifecycle lifecycle, String capability) {
}

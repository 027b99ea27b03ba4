package dev.flotilla.task.agent;

/**
 * What an agent is allowed to do, set by people: ACTIVE agents claim work; DRAINING agents finish
 * the tasks they hold (heartbeat, complete, fail) but claim no new ones; INACTIVE agents claim nothing.
 * Whether the agent is alive is {@link AgentStatus}, derived from its heartbeats.
 */
public enum AgentLifecycle {
    ACTIVE,
    DRAINING,
    INACTIVE
}

package dev.flotilla.task.agent;

/** Liveness derived from the last heartbeat (or claim): ONLINE within the configured timeout. */
public enum AgentStatus {
    ONLINE,
    OFFLINE
}

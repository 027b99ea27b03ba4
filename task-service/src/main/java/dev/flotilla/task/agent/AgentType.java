package dev.flotilla.task.agent;

/** What part an agent plays: it coordinates others, it is a specialist, or a sub-agent of another. */
public enum AgentType {
    COORDINATOR,
    SPECIALIST,
    SUBAGENT
}

package dev.flotilla.task.agent;

import java.util.Set;

/**
 * The shape of an agent's memory: a JSON object whose members are {@code facts}, {@code decisions}
 * and {@code context}, each any JSON value (objects merge member by member under a merge patch).
 */
public final class AgentMemory {

    public static final Set<String> MEMBERS = Set.of("facts", "decisions", "context");

    private AgentMemory() {
    }
}

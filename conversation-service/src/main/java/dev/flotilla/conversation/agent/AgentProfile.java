package dev.flotilla.conversation.agent;

import dev.flotilla.conversation.customization.PromptCustomization;

import java.util.List;
import java.util.UUID;

/**
 * What a user's chat with an agent is given: the agent's system prompt ({@code config.systemPrompt} in task-service)
 * followed by the user's enabled prompt customizations, oldest first; the model the agent prefers; its tools.
 */
public record AgentProfile(UUID agentId, String name, String systemPrompt, String model, List<String> tools,
        List<UUID> customizations) {

    /** The key of an agent's system prompt in its task-service {@code config}. */
    public static final String SYSTEM_PROMPT = "systemPrompt";

    static AgentProfile of(RegisteredAgent agent, List<PromptCustomization> enabled) {
        Object own = agent.config() == null ? null : agent.config().get(SYSTEM_PROMPT);
        StringBuilder prompt = new StringBuilder(own instanceof String text ? text : "");
        for (PromptCustomization customization : enabled) {
            if (!prompt.isEmpty()) {
                prompt.append("\n\n");
            }
            prompt.append(customization.instructions());
        }
        return new AgentProfile(agent.id(), agent.name(), prompt.toString(), agent.modelPreference(),
                agent.tools() == null ? List.of() : List.copyOf(agent.tools()),
                enabled.stream().map(PromptCustomization::id).toList());
    }
}

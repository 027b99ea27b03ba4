package dev.flotilla.task.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/** The body of {@code POST /api/v1/agents}. */
public record CreateAgent(
        @NotBlank @Size(max = 200) String name,
        @NotNull AgentType type,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> capabilities,
        @Size(max = 200) List<@NotBlank @Size(max = 200) String> tools,
        @Size(max = 200) String modelPreference,
        Map<String, Object> config,
        Map<String, Object> memory) {
}

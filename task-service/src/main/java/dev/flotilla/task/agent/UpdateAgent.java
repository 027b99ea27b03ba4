package dev.flotilla.task.agent;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code PATCH /api/v1/agents/{id}}: the members present replace the agent's; absent
 * (or null) members are left as they are. Memory is merged through {@code PATCH .../memory} instead.
 */
public record UpdateAgent(
        @Size(max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        AgentType type,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> capabilities,
        @Size(max = 200) List<@NotBlank @Size(max = 200) String> tools,
        @Size(max = 200) String modelPreference,
        Map<String, Object> config) {
}

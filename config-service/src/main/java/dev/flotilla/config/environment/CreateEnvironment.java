package dev.flotilla.config.environment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/environments}: a name of lowercase letters, digits and hyphens. */
public record CreateEnvironment(@NotNull @Size(max = 32) String name, @Size(max = 500) String description) {
}

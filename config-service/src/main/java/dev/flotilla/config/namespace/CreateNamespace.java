package dev.flotilla.config.namespace;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/namespaces}. */
public record CreateNamespace(@NotNull @Size(max = 100) String name, @Size(max = 2000) String description) {
}

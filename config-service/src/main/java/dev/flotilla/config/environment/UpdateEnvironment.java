package dev.flotilla.config.environment;

import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code PATCH /api/v1/environments/{name}}: whether its entries and flags change only through approved change
 * requests.
 */
public record UpdateEnvironment(@NotNull Boolean requiresApproval) {
}

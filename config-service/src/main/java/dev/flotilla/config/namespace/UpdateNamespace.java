package dev.flotilla.config.namespace;

import jakarta.validation.constraints.NotNull;

/** The body of {@code PATCH /api/v1/namespaces/{ns}}: whether its entries change only through approved change requests. */
public record UpdateNamespace(@NotNull Boolean requiresApproval) {
}

package dev.flotilla.config.environment;

import java.time.Instant;

/**
 * An environment of the tenant; built-in ones have no author or creation time. {@code requiresApproval}: its entries and
 * flags change only through approved change requests.
 */
public record EnvironmentView(String name, String description, boolean builtIn, String createdBy, Instant createdAt,
        boolean requiresApproval) {
}

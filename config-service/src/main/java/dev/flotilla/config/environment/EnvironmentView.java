package dev.flotilla.config.environment;

import java.time.Instant;

/** An environment of the tenant; built-in ones have no author or creation time. */
public record EnvironmentView(String name, String description, boolean builtIn, String createdBy, Instant createdAt) {
}

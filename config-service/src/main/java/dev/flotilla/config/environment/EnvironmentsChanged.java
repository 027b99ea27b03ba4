package dev.flotilla.config.environment;

import java.util.UUID;

/** Fired after an environment of {@code tenant} was created or deleted on this replica, once the change committed. */
public record EnvironmentsChanged(UUID tenant) {
}

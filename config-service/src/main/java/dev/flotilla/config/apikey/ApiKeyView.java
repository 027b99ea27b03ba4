package dev.flotilla.config.apikey;

import java.time.Instant;
import java.util.UUID;

/** An API key as listed: never its secret, only the first characters of it to tell it apart. */
public record ApiKeyView(UUID id, String name, String environment, String prefix, Instant createdAt, String createdBy,
        Instant revokedAt, String revokedBy) {
}

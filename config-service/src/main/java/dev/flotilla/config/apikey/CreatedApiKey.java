package dev.flotilla.config.apikey;

import java.time.Instant;
import java.util.UUID;

/** The answer to creating an API key: the only time its secret, {@code key}, is shown. */
public record CreatedApiKey(UUID id, String name, String environment, String prefix, Instant createdAt, String createdBy,
        String key) {

    static CreatedApiKey of(ApiKeyView view, String key) {
        return new CreatedApiKey(view.id(), view.name(), view.environment(), view.prefix(), view.createdAt(), view.createdBy(),
                key);
    }
}

package dev.flotilla.conversation.customization;

import java.time.Instant;
import java.util.UUID;

/** A prompt customization as the API answers it. */
public record CustomizationView(UUID id, UUID agentId, String name, String instructions, boolean enabled,
        Instant createdAt, Instant updatedAt, int version) {

    static CustomizationView of(PromptCustomization c) {
        return new CustomizationView(c.id(), c.agentId(), c.name(), c.instructions(), c.enabled(), c.createdAt(),
                c.updatedAt(), c.version());
    }
}

package dev.flotilla.conversation.customization;

import java.util.UUID;

/** Fired (CDI) when a user's customizations of an agent change: what was worked out from them is out of date. */
public record CustomizationChanged(UUID tenant, String owner, UUID agentId) {
}

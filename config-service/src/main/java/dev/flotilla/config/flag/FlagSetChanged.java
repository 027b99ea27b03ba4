package dev.flotilla.config.flag;

import java.util.UUID;

/**
 * A CDI event: the flags of an environment changed, here or on another replica. {@code environment} null:
 * every environment of the tenant (a segment changed); {@code tenant} null: any environment may have
 * changed unseen (notifications were interrupted).
 */
public record FlagSetChanged(UUID tenant, String environment) {
}

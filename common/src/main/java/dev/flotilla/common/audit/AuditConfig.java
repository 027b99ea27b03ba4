package dev.flotilla.common.audit;

import dev.flotilla.common.work.OutboxSettings;
import io.smallrye.config.ConfigMapping;

/**
 * How a service's audit outbox is sent on to auth-service ({@code flotilla.audit.*}, see {@link OutboxSettings}). The
 * outbox's shipper runs only in a service that sets {@code flotilla.audit.ship-interval}, as only such a service has
 * the {@code audit_outbox} table in its schema.
 */
@ConfigMapping(prefix = "flotilla.audit")
public interface AuditConfig extends OutboxSettings {
}

/**
 * Recording security-relevant events in auth-service's audit trail: {@link dev.flotilla.common.audit.AuditClient}
 * with {@link dev.flotilla.common.audit.AuditRecord}, and for events that must not be lost the outbox:
 * {@link dev.flotilla.common.audit.AuditTrail} writes them in the change's transaction into the service's own
 * {@code audit_outbox} table, {@link dev.flotilla.common.audit.AuditShipper} sends them on. The REST client and its
 * timeout, retries and circuit breaker are internal to this package.
 */
package dev.flotilla.common.audit;

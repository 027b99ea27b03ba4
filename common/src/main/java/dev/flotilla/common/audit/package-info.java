/**
 * Recording security-relevant events in auth-service's audit trail: {@link dev.flotilla.common.audit.AuditClient}
 * with {@link dev.flotilla.common.audit.AuditRecord}. The REST client and its timeout, retries and circuit breaker are
 * internal to this package.
 */
package dev.flotilla.common.audit;

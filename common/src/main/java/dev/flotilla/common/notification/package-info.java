/**
 * Publishing events to notification-service: {@link dev.flotilla.common.notification.NotificationClient}
 * with {@link dev.flotilla.common.notification.NotificationEvent} and
 * {@link dev.flotilla.common.notification.Recipient}, and for events that must not be lost the outbox:
 * {@link dev.flotilla.common.notification.NotificationOutbox} writes them in the change's transaction into the
 * service's own {@code notification_outbox} table, {@link dev.flotilla.common.notification.OutboxShipper} publishes
 * them on. The REST client and its timeout, retries and circuit breaker are internal to this package.
 */
package dev.flotilla.common.notification;

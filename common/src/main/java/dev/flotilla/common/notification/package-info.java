/**
 * Publishing events to notification-service: {@link dev.flotilla.common.notification.NotificationClient}
 * with {@link dev.flotilla.common.notification.NotificationEvent} and
 * {@link dev.flotilla.common.notification.Recipient}. The REST client and its timeout, retries and circuit
 * breaker are internal to this package.
 */
package dev.flotilla.common.notification;

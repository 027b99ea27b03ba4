package dev.flotilla.notification.delivery;

import dev.flotilla.notification.webhook.WebhookTarget;

import java.time.Instant;
import java.util.UUID;

/**
 * A delivery a worker holds under a lease for its attempt {@code attempt} ({@code heldAttempts} of the earlier ones were
 * holds for quiet hours, which the retry schedule does not count), with what sending it needs: the event's
 * type, subject, whether it is critical, data (JSON text) and time, the recipient (e-mail: a user id, or
 * {@code mailto:} an address), or the webhook endpoint as it is now (null once deleted).
 */
public record ClaimedDelivery(UUID id, UUID tenant, String channel, int attempt, int heldAttempts, UUID eventId,
        String eventType, String eventSubject, boolean critical, String eventData, Instant eventCreatedAt, String recipient,
        WebhookTarget webhook) {

    /** The attempt's number in the retry schedule: holds are not attempts at sending. */
    public int scheduledAttempt() {
        return attempt - heldAttempts;
    }
}

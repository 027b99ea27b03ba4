package dev.flotilla.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A digest a worker holds under a lease for its attempt {@code attempt} ({@code heldAttempts} of the earlier ones were
 * holds for quiet hours): the e-mail to {@code user} of the tenant collecting, for the rule {@code ruleId} of
 * {@code pattern}, the events of the window from {@code windowStart} to {@code windowEnd}, each a delivery of its own
 * ({@code members}, in the order the events were published).
 */
public record ClaimedDigest(UUID id, UUID tenant, String user, UUID ruleId, String pattern, Instant windowStart,
        Instant windowEnd, int attempt, int heldAttempts, List<Member> members) {

    /** One event's e-mail delivery in the digest, claimed for its own attempt {@code attempt}. */
    public record Member(UUID deliveryId, int attempt, UUID eventId, String eventType, String eventSubject,
            String eventData, Instant eventCreatedAt) {
    }

    public ClaimedDigest {
        members = List.copyOf(members);
    }

    /** The attempt's number in the retry schedule: holds are not attempts at sending. */
    public int scheduledAttempt() {
        return attempt - heldAttempts;
    }
}

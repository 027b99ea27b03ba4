package dev.flotilla.notification.delivery;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event's delivery to one destination (a webhook endpoint, an inbox, an e-mail address): its status (PENDING,
 * SUCCEEDED, FAILED, SKIPPED), attempts made, when the next is due, the last attempt's answer, and — when read on its
 * own or with its event — every attempt ({@code attemptLog}).
 */
public record DeliveryView(UUID id, UUID eventId, String eventType, String channel, UUID endpointId, String recipient,
        String status, int attempts, Instant nextAttemptAt, String lastError, Instant lastAttemptAt,
        Integer lastResponseStatus, String lastResponseExcerpt, Instant createdAt, Instant completedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AttemptView> attemptLog) {

    DeliveryView withAttemptLog(List<AttemptView> log) {
        return new DeliveryView(id, eventId, eventType, channel, endpointId, recipient, status, attempts, nextAttemptAt,
                lastError, lastAttemptAt, lastResponseStatus, lastResponseExcerpt, createdAt, completedAt, List.copyOf(log));
    }
}

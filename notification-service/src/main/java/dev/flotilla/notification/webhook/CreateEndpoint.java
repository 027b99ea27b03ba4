package dev.flotilla.notification.webhook;

import dev.flotilla.common.outbound.OutboundUrls;
import dev.flotilla.notification.event.EventTypes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of {@code POST /api/v1/webhook-endpoints}: where to send, which event types (patterns such as
 * {@code task.failed}, {@code task.*} or {@code *}; every type when absent), and a description for people.
 */
public record CreateEndpoint(
        @NotBlank @Size(max = OutboundUrls.MAX_LENGTH) String url,
        @Size(min = 1, max = EndpointService.MAX_PATTERNS) List<@NotBlank @Size(max = EventTypes.MAX_LENGTH) String> eventTypes,
        @Size(max = EndpointService.MAX_DESCRIPTION) String description) {
}

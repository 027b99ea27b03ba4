package dev.flotilla.notification.webhook;

import dev.flotilla.common.outbound.OutboundUrls;
import dev.flotilla.notification.event.EventTypes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of {@code PATCH /api/v1/webhook-endpoints/{id}}: members present replace the endpoint's, absent (or null)
 * ones stay; an empty {@code description} removes it. A new URL is checked like a new endpoint's.
 */
public record UpdateEndpoint(
        @Size(max = OutboundUrls.MAX_LENGTH) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String url,
        @Size(min = 1, max = EndpointService.MAX_PATTERNS) List<@NotBlank @Size(max = EventTypes.MAX_LENGTH) String> eventTypes,
        @Size(max = EndpointService.MAX_DESCRIPTION) String description) {
}

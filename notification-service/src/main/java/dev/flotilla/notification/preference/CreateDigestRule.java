package dev.flotilla.notification.preference;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/digest-rules}: an event type pattern and an ISO-8601 window such as {@code PT10M}. */
public record CreateDigestRule(
        @NotNull @Size(max = 128) String eventType,
        @NotNull @Size(max = 40) String window) {
}

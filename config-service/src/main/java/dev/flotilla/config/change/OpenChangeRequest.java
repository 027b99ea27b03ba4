package dev.flotilla.config.change;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code POST /api/v1/change-requests}: changes of entries of one namespace ({@code kind: entries},
 * {@code namespace}) or of flags of one environment ({@code kind: flags}, {@code environment}), a message, and the time
 * to apply them at once approved ({@code applyAt}; none: when approved).
 */
public record OpenChangeRequest(
        @NotNull @Size(max = 10) String kind,
        @Size(max = 100) String namespace,
        @Size(max = 40) String environment,
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid ProposedChange> changes,
        @Size(max = 2000) String message,
        Instant applyAt) {
}

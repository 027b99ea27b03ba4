package dev.flotilla.task.dispatch;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** The body of {@code POST /api/v1/tasks/{id}/heartbeat}: the lease, and optionally progress (0 to 1) and a message. */
public record TaskHeartbeat(
        @NotNull UUID leaseId,
        @DecimalMin(value = "0.0", message = "must be between 0 and 1") @DecimalMax(value = "1.0", message = "must be between 0 and 1") Double progress,
        @Size(max = 2000) String message) {
}

package dev.flotilla.config.change;

import jakarta.validation.constraints.Size;

/** The optional body of {@code POST /api/v1/change-requests/{id}/reject}: why, for the author. */
public record RejectChangeRequest(@Size(max = 2000) String reason) {
}

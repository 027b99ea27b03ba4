package dev.flotilla.config.change;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A change request: what it changes, its state, who opened it and who approved, rejected or cancelled it
 * ({@code reviewedBy}), why it was rejected or failed ({@code reason}), and once applied the revision it wrote
 * ({@code revision}: the namespace's index; for flags, the version of the last flag it wrote).
 */
public record ChangeRequestView(UUID id, String kind, String namespace, String environment, String state, String author,
        String message, List<ProposedChangeView> changes, Instant applyAt, Instant createdAt, String reviewedBy,
        Instant reviewedAt, String reason, Instant appliedAt, Long revision) {
}

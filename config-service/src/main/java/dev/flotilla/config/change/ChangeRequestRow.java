package dev.flotilla.config.change;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A change request as stored. */
record ChangeRequestRow(UUID id, UUID tenant, Kind kind, UUID namespaceId, String namespace, String environment,
        State state, String author, String message, List<StoredChange> changes, Instant applyAt, Instant createdAt,
        String reviewedBy, Instant reviewedAt, String reason, Instant appliedAt, Long revision) {
}

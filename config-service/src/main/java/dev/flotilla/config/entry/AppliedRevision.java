package dev.flotilla.config.entry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A revision as written: its number (the namespace's new index), kind, time and changes. */
public record AppliedRevision(UUID namespaceId, long number, String kind, Instant createdAt, List<AppliedChange> changes) {
}

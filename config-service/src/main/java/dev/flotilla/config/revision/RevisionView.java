package dev.flotilla.config.revision;

import java.time.Instant;
import java.util.List;

/**
 * A revision of a namespace: its number (the namespace's index when it was written), what made it ({@code create},
 * {@code update}, {@code delete}, {@code rollback}), who, when, why, the revision a rollback restored, and its changes.
 */
public record RevisionView(long number, String kind, String author, String message, Long rolledBackTo, Instant createdAt,
        List<ChangeView> changes) {
}

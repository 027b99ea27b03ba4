package dev.flotilla.config.revision;

import java.time.Instant;

/** A stored revision, without its changes. */
record RevisionRow(long number, String kind, String author, String message, Long rolledBackTo, Instant createdAt) {
}

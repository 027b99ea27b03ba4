package dev.flotilla.config.watch;

import java.time.Instant;
import java.util.List;

/** One event of a namespace's event stream: a revision that touched the environment followed (or its default). */
public record RevisionEvent(long index, String kind, List<ChangedKey> keys, String author, Instant at) {
}

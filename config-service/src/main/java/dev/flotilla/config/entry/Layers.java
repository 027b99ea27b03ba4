package dev.flotilla.config.entry;

import java.util.List;
import java.util.UUID;

/** A namespace as one statement read it: its id, the index of its latest revision, and the entries asked for. */
record Layers(UUID namespaceId, long index, List<EntryRow> rows) {
}

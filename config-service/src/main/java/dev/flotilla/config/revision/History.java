package dev.flotilla.config.revision;

import java.util.List;
import java.util.UUID;

/** Revisions of a namespace as one statement read them, with the namespace's id and current index. */
record History(UUID namespaceId, long index, List<RevisionRow> revisions, List<ChangeRow> changes) {
}

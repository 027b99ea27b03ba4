package dev.flotilla.config.entry;

import java.util.Collection;
import java.util.SortedMap;
import java.util.TreeMap;

/** How an environment sees a namespace: its own entry of a key, or else the namespace default's. */
public final class Layering {

    private Layering() {
    }

    /** By key, the entry that answers: of the environment's layer when it has one, else of the default layer. */
    public static SortedMap<String, EntryRow> resolve(Collection<EntryRow> rows) {
        SortedMap<String, EntryRow> resolved = new TreeMap<>();
        for (EntryRow row : rows) {
            resolved.merge(row.key(), row,
                    (held, candidate) -> EntryKeys.DEFAULT_LAYER.equals(held.env()) ? candidate : held);
        }
        return resolved;
    }
}

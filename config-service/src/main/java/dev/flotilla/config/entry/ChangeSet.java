package dev.flotilla.config.entry;

import java.util.List;

/**
 * Changes of one namespace made together, as one revision: who makes them, why, and for a rollback the revision whose
 * state they restore.
 */
public record ChangeSet(String author, String message, Long rolledBackTo, List<EntryChange> changes) {

    public ChangeSet {
        changes = List.copyOf(changes);
    }
}

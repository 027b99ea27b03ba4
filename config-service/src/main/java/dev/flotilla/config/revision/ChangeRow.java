package dev.flotilla.config.revision;

import dev.flotilla.config.entry.StoredState;

/** A stored change of a revision: the entry's state before and after (null: absent). */
record ChangeRow(long number, String key, String env, String action, StoredState before, StoredState after) {
}

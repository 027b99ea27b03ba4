package dev.flotilla.config.entry;

/**
 * One change of an entry: its key and layer ({@code env} empty for the namespace default), what it expects the entry
 * to be ({@link Precondition}), and the content it is to have, or null to delete it. {@code skipUnchanged}: leave an
 * entry that already has that content (or is already absent) alone, rather than writing it again.
 */
public record EntryChange(String key, String env, Precondition precondition, EntryContent desired, boolean skipUnchanged) {

    public static EntryChange put(String key, String env, Precondition precondition, EntryContent content) {
        return new EntryChange(key, env, precondition, content, false);
    }

    public static EntryChange delete(String key, String env, Precondition precondition) {
        return new EntryChange(key, env, precondition, null, false);
    }

    /** Restores {@code content} (null: absent) whatever the entry is now, if it is not that already. */
    public static EntryChange restore(String key, String env, EntryContent content) {
        return new EntryChange(key, env, Precondition.NONE, content, true);
    }
}

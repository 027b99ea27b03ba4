package dev.flotilla.config.entry;

/** What a revision did to one entry; {@code after} is null when it deleted the entry. */
public record AppliedChange(String key, String env, String action, EntryRow after, EntryContent content) {
}

package dev.flotilla.config.entry;

/** An entry as a change left it: whether the change created it, and the revision's number. */
public record Written(boolean created, EntryView entry, long index) {
}

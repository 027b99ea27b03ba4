package dev.flotilla.postgres;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an acknowledged commit is worth: the settings each {@link Durability} starts the server
 * with, and no acknowledged commit lost when the postmaster of a durable server is killed under
 * a write loop.
 */
class DurabilityTest {

    private static final Path WORK = Path.of("target", "embedded-pg").toAbsolutePath();
    private static final File LOG = WORK.resolve("postgres-server.log").toFile();

    @Test
    void durableServerSyncsEveryCommit() throws Exception {
        Path data = WORK.resolve("durable-" + UUID.randomUUID());
        try (LocalPostgres postgres = LocalPostgres.start(WORK, data, 0, Durability.DURABLE, LOG)) {
            assertEquals(Map.of("fsync", "on", "synchronous_commit", "on", "full_page_writes", "on"),
                    postgres.durabilitySettings());
        } finally {
            deleteRecursively(data);
        }
    }

    @Test
    void throwawayServerIsFastAndTheOldSignatureKeepsItsMeaning() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(WORK, WORK.resolve("fast-" + UUID.randomUUID()), 0, true,
                LOG)) {
            assertEquals(Durability.THROWAWAY_FAST, postgres.durability());
            assertEquals(Map.of("fsync", "off", "synchronous_commit", "off", "full_page_writes", "on"),
                    postgres.durabilitySettings());
        }
        assertEquals(Durability.DURABLE, Durability.valueOf("DURABLE"));
        assertTrue(!Durability.DURABLE.throwaway() && Durability.THROWAWAY_FAST.throwaway());
    }

    @Test
    void killedPostmasterLosesNoAcknowledgedCommit() throws Exception {
        Path data = WORK.resolve("crash-" + UUID.randomUUID());
        List<Long> acknowledged = new ArrayList<>();
        LocalPostgres postgres = LocalPostgres.start(WORK, data, 0, Durability.DURABLE, LOG);
        int port = postgres.port();
        try (Connection db = connect(port); Statement statement = db.createStatement()) {
            statement.execute("create table acknowledged (id bigint primary key)");
        }
        AtomicBoolean failed = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try (Connection db = connect(port);
                    PreparedStatement insert = db.prepareStatement("insert into acknowledged values (?)")) {
                for (long id = 1;; id++) {
                    insert.setLong(1, id);
                    insert.executeUpdate(); // autocommit: returned means committed
                    synchronized (acknowledged) {
                        acknowledged.add(id);
                    }
                }
            } catch (SQLException e) {
                failed.set(true); // the server is gone
            }
        });
        writer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (size(acknowledged) < 300 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        ProcessHandle.of(postgres.postmasterPid()).orElseThrow().destroyForcibly(); // SIGKILL
        writer.join(TimeUnit.SECONDS.toMillis(30));
        assertTrue(failed.get(), "the writer saw the server go");
        postgres.close(); // releases zonky's lock; the server is already gone

        try (LocalPostgres restarted = LocalPostgres.start(WORK, data, port, Durability.DURABLE, LOG);
                Connection db = connect(restarted.port());
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("select id from acknowledged")) {
            Set<Long> present = new HashSet<>();
            while (rows.next()) {
                present.add(rows.getLong(1));
            }
            List<Long> lost = acknowledged.stream().filter(id -> !present.contains(id)).toList();
            assertTrue(acknowledged.size() >= 300, "writes before the kill: " + acknowledged.size());
            assertEquals(List.of(), lost, "acknowledged commits lost of " + acknowledged.size());
        } finally {
            deleteRecursively(data);
        }
    }

    /** A durable cluster is kept when its server stops; a test's is not needed afterwards. */
    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static int size(List<Long> list) {
        synchronized (list) {
            return list.size();
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", LocalPostgres.SUPERUSER,
                "");
    }
}

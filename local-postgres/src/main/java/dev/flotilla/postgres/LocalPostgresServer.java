package dev.flotilla.postgres;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suite's database process for {@code ./flotilla up}: starts PostgreSQL on a fixed port with
 * its data under the given directory (kept across restarts), prepares the database, prints
 * {@code READY <port>} and stays up until it is told to stop (SIGTERM), when it stops the
 * server cleanly. The server is {@link Durability#DURABLE}: a commit is acknowledged once it is
 * on disk. When the server dies (killed, crashed), this process ends too, with status 3, so that
 * {@code ./flotilla up} sees the database down and starts it again.
 *
 * <pre>
 * java dev.flotilla.postgres.LocalPostgresServer &lt;stateDir&gt; &lt;port&gt; &lt;database&gt;
 * </pre>
 */
public final class LocalPostgresServer {

    private LocalPostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LocalPostgresServer <stateDir> <port> <database>");
            System.exit(2);
        }
        Path state = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String database = args[2];

        // zonky stops the server from its own shutdown hook when this JVM ends.
        LocalPostgres postgres = LocalPostgres.start(state.resolve("pg-binaries"), state.resolve("pgdata"), port,
                Durability.DURABLE, state.resolve("postgres-server.log").toFile());
        postgres.prepare(database);
        Map<String, String> settings = postgres.durabilitySettings();
        if (!settings.equals(new TreeMap<>(Durability.DURABLE.settings()))) {
            System.err.println("PostgreSQL is not durable: " + settings);
            System.exit(1);
        }
        long postmaster = postgres.postmasterPid();
        System.out.println("durable: " + settings + ", postmaster pid " + postmaster);
        System.out.println("READY " + postgres.port());
        System.out.flush();
        while (CrashedServer.alive(postmaster)) {
            Thread.sleep(500);
        }
        System.out.println("PostgreSQL (pid " + postmaster + ") has ended; exiting");
        System.out.flush();
        System.exit(3);
    }
}

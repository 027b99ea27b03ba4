package dev.flotilla.postgres;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The suite's database process for {@code ./flotilla up}: starts PostgreSQL on a fixed port with
 * its data under the given directory (kept across restarts), prepares the database, prints
 * {@code READY <port>} and stays up until it is told to stop (SIGTERM), when it stops the
 * server cleanly.
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
        LocalPostgres postgres = LocalPostgres.start(state.resolve("pg-binaries"), state.resolve("pgdata"), port, false,
                state.resolve("postgres-server.log").toFile());
        postgres.prepare(database);
        System.out.println("READY " + postgres.port());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}

package dev.flotilla.common.db;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The reactive pool pointed at a port where nothing listens, as while PostgreSQL is down.
 * Flyway (JDBC) still migrates at start-up against the test database.
 */
public class UnreachableDatabase implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.datasource.reactive.url", "postgresql://localhost:" + closedPort() + "/flotilla");
    }

    /** A port that was free a moment ago and that nothing listens on. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

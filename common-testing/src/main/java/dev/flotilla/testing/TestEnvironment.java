package dev.flotilla.testing;

import dev.flotilla.postgres.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What a service's {@code @QuarkusTest}s run against, started once per test run:
 * <ul>
 * <li>a real PostgreSQL: the embedded one on a free port, data under {@code target/}, or the
 * external server named by {@code FLOTILLA_DB_HOST} (with {@code FLOTILLA_DB_PORT},
 * {@code _NAME}, {@code _USER}, {@code _PASSWORD}) when that variable is set;</li>
 * <li>a JWKS endpoint over real HTTP serving {@link TestTokens}' public key, so tokens are
 * verified exactly as in production.</li>
 * </ul>
 * Use: {@code @QuarkusTestResource(TestEnvironment.class)} on one test class of the module.
 */
public class TestEnvironment implements QuarkusTestResourceLifecycleManager {

    private static final String TEST_DATABASE = "flotilla";

    private LocalPostgres postgres;
    private JwksServer jwks;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        jwks = JwksServer.start(0);
        config.put("flotilla.auth.jwks-url", jwks.url());
        if (System.getenv("FLOTILLA_DB_HOST") == null) {
            config.putAll(startPostgres());
        }
        return config;
    }

    private Map<String, String> startPostgres() {
        Path work = Path.of("target", "embedded-pg").toAbsolutePath();
        try {
            postgres = LocalPostgres.start(work, work.resolve("data-" + UUID.randomUUID()), 0, true,
                    work.resolve("postgres-server.log").toFile());
            postgres.prepare(TEST_DATABASE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the test database", e);
        }
        return Map.of(
                "flotilla.db.host", "localhost",
                "flotilla.db.port", String.valueOf(postgres.port()),
                "flotilla.db.name", TEST_DATABASE,
                "flotilla.db.user", LocalPostgres.SUPERUSER,
                "flotilla.db.password", "");
    }

    @Override
    public void stop() {
        if (jwks != null) {
            jwks.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

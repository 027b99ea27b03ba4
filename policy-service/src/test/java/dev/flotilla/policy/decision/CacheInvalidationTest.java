package dev.flotilla.policy.decision;

import dev.flotilla.policy.cache.PolicyChangeListener;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import static dev.flotilla.policy.Api.admin;
import static dev.flotilla.policy.Api.create;
import static dev.flotilla.policy.Api.decide;
import static dev.flotilla.policy.Api.policy;
import static dev.flotilla.policy.Api.question;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A change committed by another replica reaches this one through PostgreSQL LISTEN/NOTIFY. The
 * other replica is played by a separate database connection that changes the policy tables the
 * way a replica's write does; this instance's cache knows nothing of it except the notification.
 */
@QuarkusTest
class CacheInvalidationTest {

    private final UUID tenant = UUID.randomUUID();

    @Inject
    PolicyChangeListener listener;

    @Test
    void aChangeCommittedByAnotherReplicaInvalidatesTheCachedPolicies() throws SQLException {
        await().atMost(Duration.ofSeconds(10)).until(listener::listening);
        String id = create(tenant, policy("reports", "no-reports", "deny", "[\"*\"]", "[\"report\"]", null));
        admin(tenant).header("If-Match", "\"1\"")
                .body(policy("reports", "no-reports", "deny", "[\"*\"]", "[\"report\"]", "'frozen' in subject.roles"))
                .put("/api/v1/policies/" + id).then().statusCode(200);
        String q = question("a1", "[\"admin\"]", "read", "report", "r1", "{}");
        // Cached now: version 2 (deny only the frozen) is in force.
        assertEquals("ALLOW", decide(tenant, q));
        assertEquals("ALLOW", decide(tenant, q));

        // "Another replica" rolls back to version 1 (deny everyone) and commits.
        try (Connection db = connect();
                PreparedStatement rollback = db.prepareStatement(
                        "update policy.policies set active_version = 1, revision = revision + 1 where id = ?")) {
            rollback.setObject(1, UUID.fromString(id));
            assertEquals(1, rollback.executeUpdate());
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> decide(tenant, q), is("DENY"));
    }

    @Test
    void aBareNotificationForTheTenantInvalidatesItsCachedPolicies() throws SQLException {
        await().atMost(Duration.ofSeconds(10)).until(listener::listening);
        String q = question("a1", "[\"admin\"]", "read", "report", "r1", "{}");
        assertEquals("ALLOW", decide(tenant, q));
        String id = create(tenant, policy("reports", "no-reports", "deny", "[\"*\"]", "[\"report\"]", null));
        assertEquals("DENY", decide(tenant, q));
        try (Connection db = connect()) {
            // Change the rules behind the service's back, with the trigger off: no notification.
            db.setAutoCommit(false);
            try (var statement = db.createStatement()) {
                statement.execute("alter table policy.policies disable trigger policies_changed");
                statement.execute("delete from policy.policies where id = '" + id + "'");
                statement.execute("alter table policy.policies enable trigger policies_changed");
            }
            db.commit();
            assertEquals("DENY", decide(tenant, q), "without a notification the cached rule set is still used");
            try (var statement = db.createStatement()) {
                statement.execute("select pg_notify('" + PolicyChangeListener.CHANNEL + "', '" + tenant + "')");
            }
            db.commit();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> decide(tenant, q), is("ALLOW"));
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}

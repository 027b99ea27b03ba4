package dev.flotilla.task;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The upgrade that delivers the outbox from the events (V7), run on a schema of its own holding
 * what an older release left: changes already delivered, and changes still in its outbox table.
 */
@QuarkusTest
class OutboxUpgradeTest {

    private static final String SCHEMA = "task_upgrade";

    @Inject
    Flyway service;

    private Flyway upTo(String version) {
        return Flyway.configure().configuration(service.getConfiguration())
                .schemas(SCHEMA).defaultSchema(SCHEMA).createSchemas(true).target(version).load();
    }

    private Connection connection() throws SQLException {
        Connection connection = service.getConfiguration().getDataSource().getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("set search_path to " + SCHEMA);
        }
        return connection;
    }

    private static List<String> column(Statement statement, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    void changesStillInTheOutboxAreDeliveredFromTheirEventsAndNoneTwice() throws SQLException {
        upTo("6").migrate();
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            statement.execute(
                    """
                            insert into workflows (id, tenant_id, name, status, created_at, updated_at)
                            values ('00000000-0000-7000-8000-0000000000f1', '00000000-0000-7000-8000-000000000001', 'old', 'RUNNING', now(), now());
                            insert into tasks (id, tenant_id, type, priority, status, run_at, max_attempts, backoff_initial_ms, backoff_max_ms,
                                               backoff_multiplier, workflow_id, created_at, updated_at)
                            values ('00000000-0000-7000-8000-0000000000a1', '00000000-0000-7000-8000-000000000001', 'old', 0, 'RUNNING', now(),
                                    3, 1000, 60000, 2, '00000000-0000-7000-8000-0000000000f1', now(), now());
                            insert into task_events (tenant_id, task_id, from_status, to_status, reason, attempt) values
                                ('00000000-0000-7000-8000-000000000001', '00000000-0000-7000-8000-0000000000a1', null, 'SCHEDULED', 'created', 0),
                                ('00000000-0000-7000-8000-000000000001', '00000000-0000-7000-8000-0000000000a1', 'SCHEDULED', 'RUNNING', 'claimed', 1);
                            insert into outbox (tenant_id, topic, aggregate_id, payload) values
                                ('00000000-0000-7000-8000-000000000001', 'task.status-changed', '00000000-0000-7000-8000-0000000000a1',
                                 '{"from": "SCHEDULED", "to": "RUNNING", "reason": "claimed", "attempt": 1}'),
                                ('00000000-0000-7000-8000-000000000001', 'workflow.status-changed', '00000000-0000-7000-8000-0000000000f1',
                                 '{"workflowId": "00000000-0000-7000-8000-0000000000f1", "from": "PENDING", "to": "RUNNING"}');
                            """);
        }
        upTo("latest").migrate();
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            String due = "select to_status from task_events where (xid, id) > (select xid, id from outbox_cursor) order by xid, id";
            assertEquals(List.of("RUNNING"), column(statement, due),
                    "the change still in the outbox, and not the one delivered");
            assertEquals(List.of("PENDING>RUNNING"),
                    column(statement, "select from_status || '>' || to_status from workflow_events"));
            assertEquals(List.of("0"), column(statement, "select count(*) from pg_tables where schemaname = '" + SCHEMA
                    + "' and tablename = 'outbox'"), "the outbox table is gone");
            statement.execute("insert into task_events (tenant_id, task_id, to_status, reason, attempt) values"
                    + " ('00000000-0000-7000-8000-000000000001', '00000000-0000-7000-8000-0000000000a1', 'SUCCEEDED', 'completed', 1)");
            assertEquals(List.of("RUNNING", "SUCCEEDED"), column(statement, due), "later events follow");
            assertEquals(List.of("t"), column(statement, "select (select id from task_events where reason = 'completed')"
                    + " > (select max(id) from task_events where reason <> 'completed')"), "numbered after the old ones");
        }
    }
}

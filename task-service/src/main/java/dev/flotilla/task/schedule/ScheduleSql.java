package dev.flotilla.task.schedule;

import dev.flotilla.common.paging.Cursor;
import dev.flotilla.task.task.TaskSpec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * The statements over {@code schedules}: those of {@link ScheduleService}, scoped to a tenant,
 * and those of {@link ScheduleTicker}, which span tenants. A schedule's row is read with
 * {@code payload_json}, its payload as text.
 */
final class ScheduleSql {

    /** Up to 100 enabled schedules due at $1, the longest due first, that no other replica has locked. */
    private static final String DUE = """
            select id, tenant_id, cron, time_zone, catch_up, next_run_at, task_type, payload::text as payload_json, priority,
                   required_capabilities, timeout_ms, max_attempts, backoff_initial_ms, backoff_max_ms, backoff_multiplier
              from task.schedules
             where enabled and next_run_at <= $1
             order by next_run_at
             limit 100
               for update skip locked""";

    private ScheduleSql() {
    }

    /**
     * A new schedule of the tenant, creating tasks of {@code spec} (its payload written as {@code payload}); the row as
     * inserted.
     */
    static Uni<Row> insert(SqlClient client, UUID id, UUID tenant, String name, String cron, String zone, CatchUp catchUp,
            TaskSpec spec, String payload, OffsetDateTime next) {
        return client
                .preparedQuery(
                        """
                                insert into task.schedules (id, tenant_id, name, cron, time_zone, catch_up, task_type, payload, priority,
                                                            required_capabilities, timeout_ms, max_attempts, backoff_initial_ms,
                                                            backoff_max_ms, backoff_multiplier, next_run_at, created_at, updated_at)
                                values ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9, $10::text[], $11, $12, $13, $14, $15, $16, now(), now())
                                returning *, payload::text as payload_json""")
                .execute(Tuple.from(Arrays.asList(id, tenant, name, cron, zone, catchUp.name(), spec.type(), payload,
                        (short) spec.priority(), spec.requiredCapabilities().toArray(String[]::new),
                        spec.timeout() == null ? null : spec.timeout().toMillis(), spec.maxAttempts(),
                        spec.backoffInitial().toMillis(),
                        spec.backoffMax().toMillis(), spec.backoffMultiplier(), next)))
                .map(rows -> rows.iterator().next());
    }

    /** Up to {@code limit} schedules of the tenant after {@code after} (or from the first), in id order. */
    static Uni<RowSet<Row>> page(SqlClient client, UUID tenant, Cursor after, int limit) {
        String sql = "select *, payload::text as payload_json from task.schedules where tenant_id = $1"
                + (after == null ? "" : " and id > $3") + " order by id limit $2";
        Tuple params = after == null ? Tuple.of(tenant, limit) : Tuple.of(tenant, limit, after.id());
        return client.preparedQuery(sql).execute(params);
    }

    /** The tenant's schedule, or null when there is none. */
    static Uni<Row> find(SqlClient client, UUID tenant, UUID id) {
        return client
                .preparedQuery("select *, payload::text as payload_json from task.schedules where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenant, id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    }

    /** The tenant's schedule, locked until the transaction ends, or null when there is none. */
    static Uni<Row> lock(SqlConnection connection, UUID tenant, UUID id) {
        return connection.preparedQuery("select *, payload::text as payload_json from task.schedules"
                + " where tenant_id = $1 and id = $2 for update")
                .execute(Tuple.of(tenant, id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    }

    /**
     * Changes the tenant's schedule to fire {@code cron} in {@code zone}, creating tasks of {@code spec} (its payload
     * written as {@code payload}), next at {@code next}; a new version. The row as updated.
     */
    static Uni<Row> update(SqlClient client, UUID tenant, UUID id, String name, String cron, String zone, CatchUp catchUp,
            TaskSpec spec, String payload, OffsetDateTime next) {
        return client.preparedQuery("""
                update task.schedules
                   set name = $3, cron = $4, time_zone = $5, catch_up = $6, task_type = $7, payload = $8::text::jsonb,
                       priority = $9, required_capabilities = $10::text[], timeout_ms = $11, max_attempts = $12,
                       backoff_initial_ms = $13, backoff_max_ms = $14, backoff_multiplier = $15, next_run_at = $16,
                       version = version + 1, updated_at = now()
                 where tenant_id = $1 and id = $2
                returning *, payload::text as payload_json""")
                .execute(Tuple.from(Arrays.asList(tenant, id, name, cron, zone, catchUp.name(), spec.type(), payload,
                        (short) spec.priority(), spec.requiredCapabilities().toArray(String[]::new),
                        spec.timeout() == null ? null : spec.timeout().toMillis(), spec.maxAttempts(),
                        spec.backoffInitial().toMillis(), spec.backoffMax().toMillis(), spec.backoffMultiplier(), next)))
                .map(rows -> rows.iterator().next());
    }

    /** Pauses or resumes the tenant's schedule, to fire next at {@code next}; the row as updated. */
    static Uni<Row> enable(SqlClient client, UUID tenant, UUID id, boolean enabled, OffsetDateTime next) {
        return client.preparedQuery("update task.schedules set enabled = $3, next_run_at = $4, version = version + 1,"
                + " updated_at = now()"
                + " where tenant_id = $1 and id = $2 returning *, payload::text as payload_json")
                .execute(Tuple.of(tenant, id, enabled, next))
                .map(rows -> rows.iterator().next());
    }

    /** Deletes the tenant's schedule; answers whether there was one. */
    static Uni<Boolean> delete(SqlClient client, UUID tenant, UUID id) {
        return client.preparedQuery("delete from task.schedules where tenant_id = $1 and id = $2").execute(Tuple.of(tenant, id))
                .map(rows -> rows.rowCount() > 0);
    }

    /** The due schedules this replica could lock, until the transaction ends. */
    static Uni<RowSet<Row>> lockDue(SqlConnection connection, OffsetDateTime now) {
        return connection.preparedQuery(DUE).execute(Tuple.of(now));
    }

    /** Moves the schedule on to its {@code next} tick, recording {@code tick} as its last run if it {@code ran}. */
    static Uni<Void> advance(SqlConnection connection, UUID id, OffsetDateTime next, boolean ran, OffsetDateTime tick) {
        return connection.preparedQuery("update task.schedules set next_run_at = $2, updated_at = now(),"
                + " last_run_at = case when $3 then $4 else last_run_at end where id = $1")
                .execute(Tuple.of(id, next, ran, tick))
                .replaceWithVoid();
    }
}

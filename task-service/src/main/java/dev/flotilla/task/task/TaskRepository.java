package dev.flotilla.task.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.paging.Cursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SQL over the {@code tasks} and {@code task_events} tables. Every query a request makes is
 * scoped to the caller's tenant; the background jobs' statements (which span tenants) are in their
 * concern's {@code *Sql} class. Statements that change a task's state go through {@link #transition},
 * which records the event of each change in the same statement (the outbox delivers the events) and
 * announces tasks made claimable on {@link #READY_CHANNEL}.
 */
@ApplicationScoped
public class TaskRepository {

    /** The PostgreSQL channel on which tenants with newly claimable tasks are notified; the payload is the tenant id. */
    public static final String READY_CHANNEL = "flotilla_task_ready";

    /** The columns a {@link TaskView} is read from; valid over {@code tasks} and over a CTE returning {@code tasks.*}. */
    static final String COLUMNS = "id, tenant_id, type, payload::text as payload_json, priority, required_capabilities, status,"
            + " run_at, timeout_ms, max_attempts, attempt, backoff_initial_ms, backoff_max_ms, backoff_multiplier,"
            + " workflow_id, workflow_key, schedule_id, scheduled_for, agent_id, lease_id, lease_expires_at, deadline_at,"
            + " cancel_requested, progress, progress_message, result::text as result_json, error,"
            + " created_at, updated_at, started_at, finished_at";

    /**
     * What a changing statement must return (besides {@code tasks.*}) for {@link #transition}:
     * the previous status, the reason, and when the attempt it ends started (or null).
     */
    public static final String RETURNING_CREATED = " returning *, null::text as prev, 'created'::text as reason,"
            + " null::timestamptz as attempt_started_at";

    private static final String INSERT = """
            insert into task.tasks (id, tenant_id, type, payload, priority, required_capabilities, status, run_at,
                                    timeout_ms, max_attempts, backoff_initial_ms, backoff_max_ms, backoff_multiplier,
                                    workflow_id, workflow_key, deps_pending, idempotency_key, idempotency_hash,
                                    schedule_id, scheduled_for, created_by, created_at, updated_at)
            select $1, $2, $3, $4::text::jsonb, $5, $6::text[],
                   case when $17 = 0 and r.at <= now() then 'SCHEDULED' else 'PENDING' end, r.at,
                   $8, $9, $10, $11, $12, $13, $14, $17, $15, $16, $18, $19, $21, now(), now()
              from (select coalesce($7::timestamptz, now() + coalesce($20::bigint, 0) * interval '1 millisecond') as at) r
            """;

    /**
     * Many tasks of one tenant ($1) and creator ($3) in one statement, from a JSON array ($2) with
     * one object per task ({@link #batchRow}); a task whose idempotency key is taken is not inserted.
     */
    private static final String INSERT_BATCH = """
            insert into task.tasks (id, tenant_id, type, payload, priority, required_capabilities, status, run_at,
                                    timeout_ms, max_attempts, backoff_initial_ms, backoff_max_ms, backoff_multiplier,
                                    workflow_id, idempotency_key, idempotency_hash, created_by, created_at, updated_at)
            select i.id, $1, i.type, i.payload, i.priority, i.required_capabilities,
                   case when r.at <= now() then 'SCHEDULED' else 'PENDING' end, r.at,
                   i.timeout_ms, i.max_attempts, i.backoff_initial_ms, i.backoff_max_ms, i.backoff_multiplier,
                   i.workflow_id, i.idempotency_key, i.idempotency_hash, $3, now(), now()
              from jsonb_to_recordset($2::text::jsonb) as i(id uuid, type text, payload jsonb, priority smallint,
                       required_capabilities text[], run_at timestamptz, delay_ms bigint, timeout_ms bigint, max_attempts int,
                       backoff_initial_ms bigint, backoff_max_ms bigint, backoff_multiplier float8, workflow_id uuid,
                       idempotency_key text, idempotency_hash text),
                   lateral (select coalesce(i.run_at, now() + coalesce(i.delay_ms, 0) * interval '1 millisecond') as at) r
             order by i.id
            on conflict (tenant_id, idempotency_key) where idempotency_key is not null do nothing""";

    private final ObjectMapper json;

    public TaskRepository(ObjectMapper json) {
        this.json = json;
    }

    /** A new task (one statement, with its "created" event); empty if the idempotency key or schedule tick was taken. */
    public Uni<List<TaskRow>> insert(SqlClient client, NewTask task) {
        // A repeated idempotency key, or a second task for the same schedule tick, inserts nothing.
        String sql = INSERT + (task.idempotencyKey() != null
                ? " on conflict (tenant_id, idempotency_key) where idempotency_key is not null do nothing"
                : task.scheduleId() != null
                        ? " on conflict (schedule_id, scheduled_for) where schedule_id is not null do nothing"
                        : "");
        return transition(client, sql + RETURNING_CREATED, insertParams(task));
    }

    private Tuple insertParams(NewTask task) {
        TaskSpec spec = task.spec();
        return Tuple.from(Arrays.asList(
                task.id(), task.tenant(), spec.type(), write(spec.payload()), (short) spec.priority(),
                spec.requiredCapabilities().toArray(String[]::new), Db.ts(task.runAt()),
                millis(spec.timeout()), spec.maxAttempts(), millis(spec.backoffInitial()), millis(spec.backoffMax()),
                spec.backoffMultiplier(), task.workflowId(), task.workflowKey(), task.idempotencyKey(), task.idempotencyHash(),
                task.dependencies(), task.scheduleId(), Db.ts(task.scheduledFor()), millis(task.delay()),
                task.createdBy()));
    }

    /**
     * New tasks of API callers (no schedule, no dependencies), in one statement with their "created"
     * events; a task whose idempotency key was taken is missing from the answer.
     */
    public Uni<List<TaskRow>> insertBatch(SqlClient client, UUID tenant, String createdBy, List<NewTask> tasks) {
        ArrayNode batch = json.createArrayNode();
        for (NewTask task : tasks) {
            batchRow(batch.addObject(), task);
        }
        return transition(client, INSERT_BATCH + RETURNING_CREATED, Tuple.of(tenant, write(batch), createdBy));
    }

    /** One element of {@link #INSERT_BATCH}'s array; absent members are null. */
    private static void batchRow(ObjectNode row, NewTask task) {
        TaskSpec spec = task.spec();
        row.put("id", task.id().toString()).put("type", spec.type()).put("priority", spec.priority())
                .put("max_attempts", spec.maxAttempts()).put("backoff_initial_ms", spec.backoffInitial().toMillis())
                .put("backoff_max_ms", spec.backoffMax().toMillis()).put("backoff_multiplier", spec.backoffMultiplier());
        spec.requiredCapabilities().forEach(row.putArray("required_capabilities")::add);
        if (spec.payload() != null) {
            row.set("payload", spec.payload());
        }
        if (task.runAt() != null) {
            row.put("run_at", task.runAt().toString());
        }
        if (task.delay() != null) {
            row.put("delay_ms", task.delay().toMillis());
        }
        if (spec.timeout() != null) {
            row.put("timeout_ms", spec.timeout().toMillis());
        }
        if (task.workflowId() != null) {
            row.put("workflow_id", task.workflowId().toString());
        }
        if (task.idempotencyKey() != null) {
            row.put("idempotency_key", task.idempotencyKey()).put("idempotency_hash", task.idempotencyHash());
        }
    }

    /**
     * Many new tasks at once (a workflow's): one pipelined batch of inserts, then their "created"
     * events in one set-based statement.
     */
    public Uni<Void> insertAll(SqlClient client, List<NewTask> tasks) {
        List<Tuple> batch = new ArrayList<>(tasks.size());
        for (NewTask task : tasks) {
            batch.add(insertParams(task));
        }
        Tuple ids = Tuple.of(tasks.stream().map(NewTask::id).toArray(UUID[]::new));
        return client.preparedQuery(INSERT).executeBatch(batch)
                .chain(() -> client.preparedQuery(
                        "insert into task.task_events (tenant_id, task_id, from_status, to_status, reason, attempt)"
                                + " select tenant_id, id, null, status, 'created', 0 from task.tasks where id = any($1::uuid[]) order by id")
                        .execute(ids))
                .replaceWithVoid();
    }

    /**
     * Keeps the payloads of these new workflow tasks as their templates, to be resolved on release ({@link PayloadReferences}).
     */
    public Uni<Void> keepTemplates(SqlClient client, UUID tenant, List<UUID> ids) {
        return client
                .preparedQuery("update task.tasks set payload_template = payload where tenant_id = $1 and id = any($2::uuid[])")
                .execute(Tuple.of(tenant, ids.toArray(UUID[]::new)))
                .replaceWithVoid();
    }

    /**
     * The results of the direct dependencies of each of the tenant's tasks {@code ids}, as an object of
     * dependency key and result, by task; a task without dependencies is missing.
     */
    public Uni<Map<UUID, JsonNode>> dependencyResults(SqlClient client, UUID tenant, List<UUID> ids) {
        return client.preparedQuery("""
                select td.task_id, jsonb_object_agg(d.workflow_key, d.result)::text as results
                  from task.task_dependencies td join task.tasks d on d.id = td.depends_on
                 where d.tenant_id = $1 and td.task_id = any($2::uuid[])
                 group by td.task_id""")
                .execute(Tuple.of(tenant, ids.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, JsonNode> results = new HashMap<>();
                    for (Row row : rows) {
                        results.put(row.getUUID("task_id"), read(row.getString("results")));
                    }
                    return results;
                });
    }

    /**
     * Runs a statement that changes tasks and returns {@code tasks.*, prev, reason, attempt_started_at};
     * in the same statement, writes one {@code task_events} row per returned task (which the outbox delivers),
     * and notifies the tenants of tasks it made SCHEDULED ({@link #READY_CHANNEL}), which PostgreSQL
     * delivers when the transaction commits. One statement is atomic on its own, so a change without
     * further consequences needs no explicit transaction.
     */
    public Uni<List<TaskRow>> transition(SqlClient client, String changing, Tuple params) {
        return transition(client, "", changing, params);
    }

    /**
     * As {@link #transition(SqlClient, String, Tuple)}, with common table expressions before the
     * changing statement ({@code "name as (...), "}) that it may read, in the same statement.
     */
    public Uni<List<TaskRow>> transition(SqlClient client, String before, String changing, Tuple params) {
        return transition(client, before, changing, "", params);
    }

    /**
     * As {@link #transition(SqlClient, String, String, Tuple)}, with further common table
     * expressions ({@code "name as (...), "}) that read {@code changed}, the rows the changing
     * statement returned, and may write more in the same statement.
     */
    public Uni<List<TaskRow>> transition(SqlClient client, String before, String changing, String after, Tuple params) {
        String sql = "with " + before + "changed as (" + changing + "), " + after
                + " ev as (insert into task.task_events (tenant_id, task_id, from_status, to_status, reason, attempt, agent_id,"
                + " attempt_started_at) select tenant_id, id, prev, status, reason, attempt, agent_id, attempt_started_at from changed),"
                + " announced as (select pg_notify('" + READY_CHANNEL + "', tenant_id::text)"
                + " from (select distinct tenant_id from changed where status = 'SCHEDULED') claimable)"
                // A read-only CTE runs only where it is referenced: the count makes the notifications happen.
                + " select " + COLUMNS
                + ", prev, (select count(*) from announced) as announced from changed order by priority desc, id";
        return client.preparedQuery(sql).execute(params).map(this::rows);
    }

    /** Notifies, within the caller's transaction, that these tenants have new claimable tasks. */
    public Uni<Void> announce(SqlClient client, Collection<String> tenants) {
        if (tenants.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return client.preparedQuery("select pg_notify('" + READY_CHANNEL + "', t) from unnest($1::text[]) t")
                .execute(Tuple.of(tenants.toArray(String[]::new)))
                .replaceWithVoid();
    }

    public Uni<TaskRow> find(SqlClient client, UUID tenant, UUID id) {
        return client.preparedQuery("select " + COLUMNS + ", null as prev from task.tasks where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenant, id))
                .map(rows -> SqlResults.firstRow(rows, this::row));
    }

    /** A task created under an idempotency key, and the fingerprint of the request that created it. */
    public record Keyed(TaskRow row, String hash) {
    }

    /** The tasks created under these idempotency keys, by key. */
    public Uni<Map<String, Keyed>> findByIdempotencyKeys(SqlClient client, UUID tenant, List<String> keys) {
        return client.preparedQuery("select " + COLUMNS + ", null as prev, idempotency_key, idempotency_hash from task.tasks"
                + " where tenant_id = $1 and idempotency_key = any($2::text[])")
                .execute(Tuple.of(tenant, keys.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Keyed> found = new HashMap<>();
                    for (Row row : rows) {
                        found.put(row.getString("idempotency_key"), new Keyed(row(row), row.getString("idempotency_hash")));
                    }
                    return found;
                });
    }

    public Uni<List<TaskRow>> page(SqlClient client, UUID tenant, TaskFilter filter, Cursor after, int limit) {
        List<Object> params = new ArrayList<>(List.of(tenant));
        StringBuilder sql = new StringBuilder("select " + COLUMNS + ", null as prev from task.tasks where tenant_id = $1");
        if (after != null) {
            params.add(after.id());
            sql.append(" and id > $").append(params.size());
        }
        if (filter.status() != null) {
            params.add(filter.status().name());
            sql.append(" and status = $").append(params.size());
        }
        if (filter.type() != null) {
            params.add(filter.type());
            sql.append(" and type = $").append(params.size());
        }
        if (filter.agent() != null) {
            params.add(filter.agent());
            sql.append(" and agent_id = $").append(params.size());
        }
        if (filter.workflow() != null) {
            params.add(filter.workflow());
            sql.append(" and workflow_id = $").append(params.size());
        }
        params.add(limit);
        sql.append(" order by id limit $").append(params.size());
        return client.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(this::rows);
    }

    public Uni<List<TaskEventView>> events(SqlClient client, UUID tenant, UUID task) {
        return client.preparedQuery("select at, from_status, to_status, reason, attempt, agent_id from task.task_events"
                + " where tenant_id = $1 and task_id = $2 order by id")
                .execute(Tuple.of(tenant, task))
                .map(rows -> {
                    List<TaskEventView> events = new ArrayList<>();
                    for (Row row : rows) {
                        String from = row.getString("from_status");
                        events.add(new TaskEventView(Db.instant(row, "at"), from == null ? null : TaskStatus.valueOf(from),
                                TaskStatus.valueOf(row.getString("to_status")), row.getString("reason"),
                                row.getInteger("attempt"), row.getUUID("agent_id")));
                    }
                    return events;
                });
    }

    public List<TaskRow> rows(RowSet<Row> rows) {
        List<TaskRow> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            result.add(row(row));
        }
        return result;
    }

    /** The position of each column of {@link #COLUMNS} (its alias, if it has one); {@code prev} follows them. */
    private static final List<String> POSITIONS = Arrays.stream(COLUMNS.split(","))
            .map(column -> column.strip().replaceAll("^.* as ", ""))
            .toList();

    private static int at(String column) {
        int position = column.equals("prev") ? POSITIONS.size() : POSITIONS.indexOf(column);
        if (position < 0) {
            throw new IllegalStateException("No column " + column + " in " + COLUMNS);
        }
        return position;
    }

    // Rows are read by position, not by name: a name is looked up by comparing it with every column's.
    private static final int ID = at("id"), TENANT = at("tenant_id"), TYPE = at("type"), PAYLOAD = at("payload_json"),
            PRIORITY = at("priority"), CAPABILITIES = at("required_capabilities"), STATUS = at("status"), RUN_AT = at("run_at"),
            TIMEOUT = at("timeout_ms"), MAX_ATTEMPTS = at("max_attempts"), ATTEMPT = at("attempt"),
            BACKOFF_INITIAL = at("backoff_initial_ms"), BACKOFF_MAX = at("backoff_max_ms"),
            BACKOFF_MULTIPLIER = at("backoff_multiplier"),
            WORKFLOW = at("workflow_id"), WORKFLOW_KEY = at("workflow_key"), SCHEDULE = at("schedule_id"),
            SCHEDULED_FOR = at("scheduled_for"), AGENT = at("agent_id"), LEASE = at("lease_id"),
            LEASE_EXPIRES = at("lease_expires_at"),
            DEADLINE = at("deadline_at"), CANCEL_REQUESTED = at("cancel_requested"), PROGRESS = at("progress"),
            PROGRESS_MESSAGE = at("progress_message"), RESULT = at("result_json"), ERROR = at("error"),
            CREATED = at("created_at"),
            UPDATED = at("updated_at"), STARTED = at("started_at"), FINISHED = at("finished_at"), PREV = at("prev");

    /** A row that starts with {@link #COLUMNS} and {@code prev}, as every query of tasks here selects them. */
    public TaskRow row(Row row) {
        String prev = row.getString(PREV);
        Long timeout = row.getLong(TIMEOUT);
        String[] capabilities = row.getArrayOfStrings(CAPABILITIES);
        TaskView view = new TaskView(
                row.getUUID(ID), row.getString(TYPE), read(row.getString(PAYLOAD)), row.getInteger(PRIORITY),
                capabilities == null ? List.of() : List.of(capabilities), TaskStatus.valueOf(row.getString(STATUS)),
                instant(row, RUN_AT), timeout == null ? null : Duration.ofMillis(timeout),
                row.getInteger(ATTEMPT), row.getInteger(MAX_ATTEMPTS),
                new Backoff(Duration.ofMillis(row.getLong(BACKOFF_INITIAL)), Duration.ofMillis(row.getLong(BACKOFF_MAX)),
                        row.getDouble(BACKOFF_MULTIPLIER)),
                row.getUUID(WORKFLOW), row.getString(WORKFLOW_KEY), row.getUUID(SCHEDULE),
                instant(row, SCHEDULED_FOR), row.getUUID(AGENT), instant(row, LEASE_EXPIRES),
                instant(row, DEADLINE), row.getBoolean(CANCEL_REQUESTED), row.getDouble(PROGRESS),
                row.getString(PROGRESS_MESSAGE), read(row.getString(RESULT)), row.getString(ERROR),
                instant(row, CREATED), instant(row, UPDATED), instant(row, STARTED),
                instant(row, FINISHED), null);
        return new TaskRow(row.getUUID(TENANT), prev == null ? null : TaskStatus.valueOf(prev), row.getUUID(LEASE), view);
    }

    private static Instant instant(Row row, int position) {
        OffsetDateTime value = row.getOffsetDateTime(position);
        return value == null ? null : value.toInstant();
    }

    public String write(JsonNode value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode read(String value) {
        if (value == null) {
            return null;
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON that does not parse", e);
        }
    }

    static Long millis(Duration duration) {
        return duration == null ? null : duration.toMillis();
    }
}

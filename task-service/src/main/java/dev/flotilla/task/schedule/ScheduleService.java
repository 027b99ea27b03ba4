package dev.flotilla.task.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.task.db.Db;
import dev.flotilla.task.task.Backoff;
import dev.flotilla.task.task.TaskDefaults;
import dev.flotilla.task.task.TaskSpec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Recurring schedules of a tenant: create (validating cron and zone), list, read, pause, resume, delete. */
@ApplicationScoped
public class ScheduleService {

    private final Db db;
    private final TaskDefaults defaults;
    private final ObjectMapper json;

    public ScheduleService(Db db, TaskDefaults defaults, ObjectMapper json) {
        this.db = db;
        this.defaults = defaults;
        this.json = json;
    }

    public Uni<ScheduleView> create(UUID tenant, CreateSchedule request) {
        var cron = Crons.parse(request.cron());
        ZoneId zone = Crons.zone(request.timeZone());
        TaskTemplate template = request.task();
        TaskSpec spec = defaults.resolve("task.", template.type(), template.payload(), template.priority(),
                template.requiredCapabilities(), template.timeout(), template.maxAttempts(), template.backoff());
        Instant next = Crons.next(cron, zone, Instant.now());
        UUID id = Ids.next();
        Tuple params = Tuple.from(Arrays.asList(id, tenant, request.name().strip(), request.cron().strip(), zone.getId(),
                (request.catchUp() == null ? CatchUp.RUN_ONCE : request.catchUp()).name(), spec.type(), write(spec),
                (short) spec.priority(), spec.requiredCapabilities().toArray(String[]::new),
                spec.timeout() == null ? null : spec.timeout().toMillis(), spec.maxAttempts(), spec.backoffInitial().toMillis(),
                spec.backoffMax().toMillis(), spec.backoffMultiplier(), Db.ts(next)));
        return db.pool().preparedQuery("""
                        insert into task.schedules (id, tenant_id, name, cron, time_zone, catch_up, task_type, payload, priority,
                                                    required_capabilities, timeout_ms, max_attempts, backoff_initial_ms,
                                                    backoff_max_ms, backoff_multiplier, next_run_at, created_at, updated_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8::text::jsonb, $9, $10::text[], $11, $12, $13, $14, $15, $16, now(), now())
                        returning *, payload::text as payload_json""")
                .execute(params)
                .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(e -> new Conflict("A schedule named '" + request.name().strip() + "' already exists"))
                .map(rows -> view(rows.iterator().next()));
    }

    public Uni<Page<ScheduleView>> list(UUID tenant, PageParams page) {
        Cursor after = page.after();
        String sql = "select *, payload::text as payload_json from task.schedules where tenant_id = $1"
                + (after == null ? "" : " and id > $3") + " order by id limit $2";
        Tuple params = after == null ? Tuple.of(tenant, page.limit() + 1) : Tuple.of(tenant, page.limit() + 1, after.id());
        return db.pool().preparedQuery(sql).execute(params).map(rows -> {
            List<ScheduleView> views = new ArrayList<>();
            for (Row row : rows) {
                views.add(view(row));
            }
            return Page.fromOverfetch(views, page.limit(), view -> Cursor.of(view.id()));
        });
    }

    public Uni<ScheduleView> get(UUID tenant, UUID id) {
        return db.pool().preparedQuery("select *, payload::text as payload_json from task.schedules where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenant, id))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFound("schedule", id);
                    }
                    return view(rows.iterator().next());
                });
    }

    /** Pauses ({@code false}) or resumes ({@code true}); a resumed schedule fires from its next tick on, missing none in between. */
    public Uni<ScheduleView> enable(UUID tenant, UUID id, boolean enabled) {
        return get(tenant, id).chain(current -> {
            Instant next = enabled && !current.enabled()
                    ? Crons.next(Crons.parse(current.cron()), Crons.zone(current.timeZone()), Instant.now())
                    : current.nextRunAt();
            return db.pool().preparedQuery("update task.schedules set enabled = $3, next_run_at = $4, updated_at = now()"
                            + " where tenant_id = $1 and id = $2 returning *, payload::text as payload_json")
                    .execute(Tuple.of(tenant, id, enabled, Db.ts(next)))
                    .map(rows -> view(rows.iterator().next()));
        });
    }

    /** Deletes the schedule; tasks it already created stay. */
    public Uni<Void> delete(UUID tenant, UUID id) {
        return db.pool().preparedQuery("delete from task.schedules where tenant_id = $1 and id = $2").execute(Tuple.of(tenant, id))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw new NotFound("schedule", id);
                    }
                    return null;
                });
    }

    private String write(TaskSpec spec) {
        try {
            return spec.payload() == null ? null : json.writeValueAsString(spec.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    ScheduleView view(Row row) {
        try {
            String payload = row.getString("payload_json");
            Long timeout = row.getLong("timeout_ms");
            TaskTemplate template = new TaskTemplate(row.getString("task_type"), payload == null ? null : json.readTree(payload),
                    row.getInteger("priority"), List.of(row.getArrayOfStrings("required_capabilities")),
                    timeout == null ? null : Duration.ofMillis(timeout), row.getInteger("max_attempts"),
                    new Backoff(Duration.ofMillis(row.getLong("backoff_initial_ms")), Duration.ofMillis(row.getLong("backoff_max_ms")),
                            row.getDouble("backoff_multiplier")));
            return new ScheduleView(row.getUUID("id"), row.getString("name"), row.getString("cron"), row.getString("time_zone"),
                    CatchUp.valueOf(row.getString("catch_up")), row.getBoolean("enabled"), template, Db.instant(row, "next_run_at"),
                    Db.instant(row, "last_run_at"), Db.instant(row, "created_at"), Db.instant(row, "updated_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON that does not parse", e);
        }
    }
}

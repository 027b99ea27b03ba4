package dev.flotilla.task.schedule;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.task.task.Backoff;
import dev.flotilla.task.task.TaskDefaults;
import dev.flotilla.task.task.TaskSpec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
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
        CatchUp catchUp = request.catchUp() == null ? CatchUp.RUN_ONCE : request.catchUp();
        return ScheduleSql
                .insert(db.pool(), Ids.next(), tenant, request.name().strip(), request.cron().strip(), zone.getId(), catchUp,
                        spec, write(spec), Db.ts(next))
                .onFailure(e -> e instanceof PgException pg && "23505".equals(pg.getSqlState()))
                .transform(e -> new Conflict("A schedule named '" + request.name().strip() + "' already exists"))
                .map(this::view);
    }

    public Uni<Page<ScheduleView>> list(UUID tenant, PageParams page) {
        return ScheduleSql.page(db.pool(), tenant, page.after(), page.limit() + 1).map(rows -> {
            List<ScheduleView> views = new ArrayList<>();
            for (Row row : rows) {
                views.add(view(row));
            }
            return Page.fromOverfetch(views, page.limit(), view -> Cursor.of(view.id()));
        });
    }

    public Uni<ScheduleView> get(UUID tenant, UUID id) {
        return ScheduleSql.find(db.pool(), tenant, id)
                .map(row -> {
                    if (row == null) {
                        throw new NotFound("schedule", id);
                    }
                    return view(row);
                });
    }

    /**
     * Pauses ({@code false}) or resumes ({@code true}); a resumed schedule fires from its next tick on, missing none in
     * between.
     */
    public Uni<ScheduleView> enable(UUID tenant, UUID id, boolean enabled) {
        return get(tenant, id).chain(current -> {
            Instant next = enabled && !current.enabled()
                    ? Crons.next(Crons.parse(current.cron()), Crons.zone(current.timeZone()), Instant.now())
                    : current.nextRunAt();
            return ScheduleSql.enable(db.pool(), tenant, id, enabled, Db.ts(next)).map(this::view);
        });
    }

    /** Deletes the schedule; tasks it already created stay. */
    public Uni<Void> delete(UUID tenant, UUID id) {
        return ScheduleSql.delete(db.pool(), tenant, id)
                .map(deleted -> {
                    if (!deleted) {
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
            TaskTemplate template = new TaskTemplate(row.getString("task_type"),
                    payload == null ? null : json.readTree(payload),
                    row.getInteger("priority"), List.of(row.getArrayOfStrings("required_capabilities")),
                    timeout == null ? null : Duration.ofMillis(timeout), row.getInteger("max_attempts"),
                    new Backoff(Duration.ofMillis(row.getLong("backoff_initial_ms")),
                            Duration.ofMillis(row.getLong("backoff_max_ms")),
                            row.getDouble("backoff_multiplier")));
            return new ScheduleView(row.getUUID("id"), row.getString("name"), row.getString("cron"), row.getString("time_zone"),
                    CatchUp.valueOf(row.getString("catch_up")), row.getBoolean("enabled"), template,
                    Db.instant(row, "next_run_at"),
                    Db.instant(row, "last_run_at"), Db.instant(row, "created_at"), Db.instant(row, "updated_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON that does not parse", e);
        }
    }
}

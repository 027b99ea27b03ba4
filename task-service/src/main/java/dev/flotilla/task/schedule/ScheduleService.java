package dev.flotilla.task.schedule;

import com.cronutils.model.time.ExecutionTime;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.json.MergePatch;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.common.request.Preconditions;
import dev.flotilla.common.request.RequestBodies;
import dev.flotilla.task.task.Backoff;
import dev.flotilla.task.task.TaskDefaults;
import dev.flotilla.task.task.TaskSpec;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Recurring schedules of a tenant: create and edit (validating cron and zone), list, read, preview the
 * next ticks, pause, resume, delete.
 */
@ApplicationScoped
public class ScheduleService {

    private static final Set<String> EDITABLE = Set.of("name", "cron", "timeZone", "catchUp", "task");

    private final Db db;
    private final TaskDefaults defaults;
    private final ObjectMapper json;
    private final RequestBodies bodies;

    public ScheduleService(Db db, TaskDefaults defaults, ObjectMapper json, RequestBodies bodies) {
        this.db = db;
        this.defaults = defaults;
        this.json = json;
        this.bodies = bodies;
    }

    /** What a schedule's definition resolves to once checked: the cron and zone it fires in, the task it creates. */
    private record Definition(String name, ExecutionTime cron, String cronText, ZoneId zone, CatchUp catchUp, TaskSpec spec) {
    }

    /** Checks a definition as given at creation or after an edit: cron (400 naming it), zone and task template. */
    private Definition resolve(CreateSchedule request) {
        ExecutionTime cron = Crons.parse(request.cron());
        ZoneId zone = Crons.zone(request.timeZone());
        TaskTemplate template = request.task();
        TaskSpec spec = defaults.resolve("task.", template.type(), template.payload(), template.priority(),
                template.requiredCapabilities(), template.timeout(), template.maxAttempts(), template.backoff());
        CatchUp catchUp = request.catchUp() == null ? CatchUp.RUN_ONCE : request.catchUp();
        return new Definition(request.name().strip(), cron, request.cron().strip(), zone, catchUp, spec);
    }

    public Uni<ScheduleView> create(UUID tenant, CreateSchedule request) {
        Definition definition = resolve(request);
        Instant next = Crons.next(definition.cron(), definition.zone(), Instant.now());
        return ScheduleSql
                .insert(db.pool(), Ids.next(), tenant, definition.name(), definition.cronText(), definition.zone().getId(),
                        definition.catchUp(), definition.spec(), write(definition.spec()), Db.ts(next))
                .onFailure(ScheduleService::nameTaken).transform(e -> nameConflict(definition.name()))
                .map(this::view);
    }

    /**
     * Applies a JSON Merge Patch (RFC 7386) of the members people edit ({@code name}, {@code cron},
     * {@code timeZone}, {@code catchUp}, {@code task}) to the version {@code ifMatch} names (428
     * without, 412 when it changed since), checked as at creation. A changed cron or zone fires from
     * its next tick after now; the ticker of every replica reads the schedule as it is in the database.
     */
    public Uni<ScheduleView> update(UUID tenant, UUID id, String ifMatch, Map<String, Object> patch) {
        for (String member : patch.keySet()) {
            if (!EDITABLE.contains(member)) {
                throw new BadRequest(member, "enabled".equals(member) ? "changes through POST .../pause and .../resume"
                        : "is not a member people edit (name, cron, timeZone, catchUp, task)");
            }
        }
        return db.tx(connection -> ScheduleSql.lock(connection, tenant, id).chain(row -> {
            if (row == null) {
                throw new NotFound("schedule", id);
            }
            ScheduleView current = view(row);
            Preconditions.require(ifMatch, "schedule");
            Preconditions.check(ifMatch, current.etag(), "schedule");
            CreateSchedule body;
            try {
                body = edited(current, patch);
            } catch (JsonProcessingException e) {
                // Unknown, mistyped or malformed members: the shared problem mappers name them.
                return Uni.createFrom().failure(e);
            }
            Definition edited = resolve(body);
            boolean moved = !edited.cronText().equals(current.cron()) || !edited.zone().getId().equals(current.timeZone());
            Instant next = moved ? Crons.next(edited.cron(), edited.zone(), Instant.now()) : current.nextRunAt();
            return ScheduleSql.update(connection, tenant, id, edited.name(), edited.cronText(), edited.zone().getId(),
                    edited.catchUp(), edited.spec(), write(edited.spec()), Db.ts(next));
        })).onFailure(ScheduleService::nameTaken).transform(e -> nameConflict(String.valueOf(patch.get("name"))))
                .map(this::view);
    }

    /** The schedule's definition with {@code patch} merged in, as a valid body of its own (400s naming the fields). */
    private CreateSchedule edited(ScheduleView current, Map<String, Object> patch) throws JsonProcessingException {
        CreateSchedule before = new CreateSchedule(current.name(), current.cron(), current.timeZone(), current.catchUp(),
                current.task());
        Object merged = MergePatch.apply(json.convertValue(before, Map.class), patch);
        return bodies.requireValid(json.treeToValue(json.valueToTree(merged), CreateSchedule.class), "body");
    }

    /** The next {@code count} ticks of the schedule after now, in its time zone. */
    public Uni<SchedulePreview> preview(UUID tenant, UUID id, int count) {
        return get(tenant, id).map(schedule -> {
            ExecutionTime cron = Crons.parse(schedule.cron());
            ZoneId zone = Crons.zone(schedule.timeZone());
            List<OffsetDateTime> runs = new ArrayList<>(count);
            Instant at = Instant.now();
            for (int i = 0; i < count; i++) {
                at = Crons.next(cron, zone, at);
                runs.add(at.atZone(zone).toOffsetDateTime());
            }
            return new SchedulePreview(schedule.id(), zone.getId(), runs);
        });
    }

    private static boolean nameTaken(Throwable e) {
        return e instanceof PgException pg && "23505".equals(pg.getSqlState());
    }

    private static Conflict nameConflict(String name) {
        return new Conflict("A schedule named '" + name.strip() + "' already exists");
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
                    Db.instant(row, "last_run_at"), Db.instant(row, "created_at"), Db.instant(row, "updated_at"),
                    row.getLong("version"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON that does not parse", e);
        }
    }
}

package dev.flotilla.task.schedule;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.id.Ids;
import dev.flotilla.task.config.TaskConfig;
import dev.flotilla.task.task.NewTask;
import dev.flotilla.task.task.TaskRepository;
import dev.flotilla.task.task.TaskSpec;
import dev.flotilla.task.task.Transitions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Fires due schedules, on every replica. Exactly one task per tick however many replicas tick at
 * once: a due schedule is taken with {@code FOR UPDATE SKIP LOCKED} (one replica handles it, the
 * others skip it), its task is inserted with {@code ON CONFLICT DO NOTHING} against the unique
 * index on {@code (schedule_id, scheduled_for)} (a second insert for a tick can never succeed), and
 * its {@code next_run_at} advances in the same transaction. Ticks missed while the service was
 * down are caught up by the schedule's {@link CatchUp} policy. Ticks are judged by the injected
 * {@link Clock}, the same for every replica in production (the system clock, in UTC).
 */
@ApplicationScoped
public class ScheduleTicker {

    private static final Logger LOG = Logger.getLogger(ScheduleTicker.class);

    private final Db db;
    private final TaskRepository tasks;
    private final Transitions transitions;
    private final TaskConfig config;
    private final com.fasterxml.jackson.databind.ObjectMapper json;
    private final Clock clock;
    private final DatabaseOutage outage;

    public ScheduleTicker(Db db, TaskRepository tasks, Transitions transitions, TaskConfig config,
            com.fasterxml.jackson.databind.ObjectMapper json, Clock clock, DatabaseOutage outage) {
        this.outage = outage;
        this.db = db;
        this.tasks = tasks;
        this.transitions = transitions;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(every = "${flotilla.task.schedules.tick-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return tick()
                .onFailure()
                .invoke(failure -> outage.jobFailed(LOG, failure, "Ticking schedules failed; the next tick retries"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Fires the due schedules this replica can lock; answers how many tasks it created. */
    public Uni<Integer> tick() {
        Instant now = clock.instant();
        return db.tx(connection -> ScheduleSql.lockDue(connection, Db.ts(now)).chain(rows -> {
            List<Row> due = new ArrayList<>();
            rows.forEach(due::add);
            Uni<Integer> created = Uni.createFrom().item(0);
            for (Row row : due) {
                created = created.chain(count -> fire(connection, row, now).map(one -> count + one));
            }
            return created;
        }));
    }

    private Uni<Integer> fire(SqlConnection connection, Row schedule, Instant now) {
        Instant dueAt = Db.instant(schedule, "next_run_at");
        var cron = Crons.parse(schedule.getString("cron"));
        ZoneId zone = Crons.zone(schedule.getString("time_zone"));
        // The latest tick that has come; normally the due one, later ones if replicas were down.
        Instant tick = Crons.last(cron, zone, now).filter(last -> !last.isBefore(dueAt)).orElse(dueAt);
        boolean run = CatchUp.valueOf(schedule.getString("catch_up")) == CatchUp.RUN_ONCE
                || Duration.between(tick, now).compareTo(config.schedules().misfireGrace()) <= 0;
        Instant next = Crons.next(cron, zone, now);
        Uni<Integer> created = run ? insert(connection, schedule, tick) : Uni.createFrom().item(0);
        return created.call(() -> ScheduleSql.advance(connection, schedule.getUUID("id"), Db.ts(next), run, Db.ts(tick)));
    }

    private Uni<Integer> insert(SqlConnection connection, Row schedule, Instant tick) {
        Long timeout = schedule.getLong("timeout_ms");
        TaskSpec spec;
        try {
            String payload = schedule.getString("payload_json");
            spec = new TaskSpec(schedule.getString("task_type"), payload == null ? null : json.readTree(payload),
                    schedule.getInteger("priority"), List.of(schedule.getArrayOfStrings("required_capabilities")),
                    timeout == null ? null : Duration.ofMillis(timeout), schedule.getInteger("max_attempts"),
                    Duration.ofMillis(schedule.getLong("backoff_initial_ms")),
                    Duration.ofMillis(schedule.getLong("backoff_max_ms")),
                    schedule.getDouble("backoff_multiplier"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        NewTask task = new NewTask(Ids.next(), schedule.getUUID("tenant_id"), spec, null, null, null, null, 0, null, null,
                schedule.getUUID("id"), tick, null);
        return tasks.insert(connection, task)
                .call(rows -> transitions.consequences(connection, rows, new LinkedHashSet<>()))
                .map(List::size);
    }
}

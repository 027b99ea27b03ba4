package dev.flotilla.task.retention;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import dev.flotilla.task.config.TaskConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Deletes finished tasks and workflows once their retention period ({@code flotilla.task.retention.finished}, or the
 * tenant's own) has passed, on every replica, batch after batch, each in its own short transaction, until a batch
 * comes back short: the queue's tables stay as large as what is running plus the period, however long the service
 * runs. The deletions are counted in {@code flotilla_task_retention_deleted_total{kind="task|workflow"}}.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final Db db;
    private final TaskConfig.Retention config;
    private final DatabaseOutage outage;
    private final Clock clock;
    private final Counter tasks;
    private final Counter workflows;

    RetentionJob(Db db, TaskConfig config, DatabaseOutage outage, Clock clock, MeterRegistry meters) {
        this.db = db;
        this.config = config.retention();
        this.outage = outage;
        this.clock = clock;
        this.tasks = Counter.builder("flotilla_task_retention_deleted").tag("kind", "task")
                .description("Finished tasks deleted after their retention period").register(meters);
        this.workflows = Counter.builder("flotilla_task_retention_deleted").tag("kind", "workflow")
                .description("Finished workflows deleted after their retention period").register(meters);
    }

    @Scheduled(every = "${flotilla.task.retention.interval:1h}", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return run()
                .onFailure().invoke(failure -> outage.jobFailed(LOG, failure,
                        "Deleting finished tasks failed; the next run retries"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** One run at the clock's time: answers the tasks and workflows deleted. */
    public Uni<Deleted> run() {
        Instant now = clock.instant();
        Map<UUID, Duration> own = config.tenant();
        UUID[] overridden = own.keySet().toArray(UUID[]::new);
        Uni<Deleted> run = everyBatch(null, overridden, now.minus(config.finished()));
        for (Map.Entry<UUID, Duration> tenant : own.entrySet()) {
            run = run.chain(sofar -> everyBatch(tenant.getKey(), overridden, now.minus(tenant.getValue()))
                    .map(sofar::plus));
        }
        return run.invoke(deleted -> {
            if (deleted.tasks() + deleted.workflows() > 0) {
                LOG.infof("Deleted %d finished tasks and %d finished workflows past their retention period",
                        deleted.tasks(), deleted.workflows());
            }
        });
    }

    /** What a run deleted. */
    public record Deleted(long tasks, long workflows) {

        Deleted plus(Deleted other) {
            return new Deleted(tasks + other.tasks, workflows + other.workflows);
        }
    }

    private Uni<Deleted> everyBatch(UUID tenant, UUID[] overridden, Instant before) {
        return repeated(client -> RetentionSql.deleteTasks(client, tenant, overridden, Db.ts(before), config.batch()),
                tasks)
                .chain(deletedTasks -> repeated(client -> RetentionSql.deleteWorkflows(client, tenant, overridden,
                        Db.ts(before), config.batch()), workflows)
                        .map(deletedWorkflows -> new Deleted(deletedTasks, deletedWorkflows)));
    }

    /** Runs {@code batch} in transactions of its own until one deletes less than a batch; answers the total. */
    private Uni<Long> repeated(Function<SqlClient, Uni<Integer>> batch, Counter counter) {
        return db.tx(batch::apply).chain(deleted -> {
            counter.increment(deleted);
            return deleted < config.batch() ? Uni.createFrom().item((long) deleted)
                    : repeated(batch, counter).map(more -> deleted + more);
        });
    }
}

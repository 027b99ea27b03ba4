package dev.flotilla.task.dispatch;

import dev.flotilla.common.db.DatabaseOutage;
import dev.flotilla.common.db.Db;
import dev.flotilla.task.config.TaskConfig;
import dev.flotilla.task.task.TaskRow;
import dev.flotilla.task.task.Transitions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * The queue's clock, on every replica (rows are taken with {@code FOR UPDATE SKIP LOCKED}, so
 * replicas share the work instead of repeating it):
 * <ul>
 * <li>RUNNING tasks whose lease expired (the agent crashed, hung or lost its network) end their
 * attempt: CANCELLED if cancellation was requested, TIMED_OUT past their deadline, DEAD after
 * the last attempt, otherwise back to the queue after an exponential back-off with jitter;</li>
 * <li>PENDING tasks whose time has come (and whose dependencies have succeeded) become SCHEDULED,
 * which wakes long-polling claims;</li>
 * <li>DRAINING agents that no longer hold a running task have finished draining and become
 * INACTIVE, so whoever drained them sees when it is safe to stop them.</li>
 * </ul>
 */
@ApplicationScoped
public class LeaseSweeper {

    private static final Logger LOG = Logger.getLogger(LeaseSweeper.class);

    private final Db db;
    private final Transitions transitions;
    private final TaskConfig config;
    private final DatabaseOutage outage;

    public LeaseSweeper(Db db, Transitions transitions, TaskConfig config, DatabaseOutage outage) {
        this.outage = outage;
        this.db = db;
        this.transitions = transitions;
        this.config = config;
    }

    @Scheduled(every = "${flotilla.task.jobs.sweep-interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return expireLeases().chain(this::promoteDue).chain(this::finishDraining)
                .onFailure()
                .invoke(failure -> outage.jobFailed(LOG, failure, "Sweeping the task queue failed; the next sweep retries"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Ends the attempts whose lease expired; answers the tasks moved. */
    public Uni<List<TaskRow>> expireLeases() {
        return db.tx(connection -> transitions.run(connection, SweepSql.EXPIRE, Tuple.of(config.jobs().sweepBatch())));
    }

    /** Makes DRAINING agents that hold no running task INACTIVE; answers how many. */
    public Uni<Integer> finishDraining() {
        return SweepSql.finishDraining(db.pool());
    }

    /** Makes due PENDING tasks SCHEDULED; answers the tasks moved. */
    public Uni<List<TaskRow>> promoteDue() {
        return db.tx(connection -> transitions.run(connection, SweepSql.PROMOTE, Tuple.of(config.jobs().sweepBatch())));
    }
}

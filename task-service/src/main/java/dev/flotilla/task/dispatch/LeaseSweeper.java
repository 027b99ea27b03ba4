package dev.flotilla.task.dispatch;

import dev.flotilla.task.config.TaskConfig;
import dev.flotilla.task.db.Db;
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
 *   <li>RUNNING tasks whose lease expired (the agent crashed, hung or lost its network) end their
 *       attempt: CANCELLED if cancellation was requested, TIMED_OUT past their deadline, DEAD after
 *       the last attempt, otherwise back to the queue after an exponential back-off with jitter;</li>
 *   <li>PENDING tasks whose time has come (and whose dependencies have succeeded) become SCHEDULED,
 *       which wakes long-polling claims;</li>
 *   <li>DRAINING agents that no longer hold a running task have finished draining and become
 *       INACTIVE, so whoever drained them sees when it is safe to stop them.</li>
 * </ul>
 */
@ApplicationScoped
public class LeaseSweeper {

    private static final Logger LOG = Logger.getLogger(LeaseSweeper.class);

    private static final String EXPIRE = """
            update task.tasks t
               set status = p.next, lease_expires_at = null, updated_at = now(),
                   run_at = case when p.next in ('SCHEDULED', 'PENDING') then now() + %1$s else t.run_at end,
                   finished_at = case when p.next in ('SCHEDULED', 'PENDING') then null else now() end,
                   error = case when p.next = 'TIMED_OUT' then 'the attempt ran past its timeout' else t.error end
              from (select id, status as prev,
                           case when cancel_requested then 'CANCELLED'
                                when deadline_at <= now() then 'TIMED_OUT'
                                when attempt >= max_attempts then 'DEAD'
                                else %2$s end as next
                      from task.tasks t
                     where status = 'RUNNING' and lease_expires_at <= now()
                     order by lease_expires_at
                     limit $1
                     for update skip locked) p
             where t.id = p.id
            returning t.*, p.prev,
                      case p.next when 'CANCELLED' then 'lease expired after cancellation was requested'
                                  when 'TIMED_OUT' then 'timed out'
                                  when 'DEAD' then 'lease expired; no attempts left'
                                  else 'lease expired' end as reason,
                      t.started_at as attempt_started_at""".formatted(LeaseSql.BACKOFF, LeaseSql.REQUEUED);

    private static final String PROMOTE = """
            update task.tasks t set status = 'SCHEDULED', updated_at = now()
              from (select id, status as prev from task.tasks
                     where status = 'PENDING' and deps_pending = 0 and run_at <= now()
                     order by run_at
                     limit $1
                     for update skip locked) p
             where t.id = p.id
            returning t.*, p.prev, 'due'::text as reason, null::timestamptz as attempt_started_at""";

    private static final String DRAINED = """
            update task.agents a set lifecycle = 'INACTIVE', updated_at = now()
             where lifecycle = 'DRAINING'
               and not exists (select 1 from task.tasks t
                                where t.tenant_id = a.tenant_id and t.agent_id = a.id and t.status = 'RUNNING')""";

    private final Db db;
    private final Transitions transitions;
    private final TaskConfig config;

    public LeaseSweeper(Db db, Transitions transitions, TaskConfig config) {
        this.db = db;
        this.transitions = transitions;
        this.config = config;
    }

    @Scheduled(every = "${flotilla.task.jobs.sweep-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return expireLeases().chain(this::promoteDue).chain(this::finishDraining)
                .onFailure().invoke(failure -> LOG.warnf(failure, "Sweeping the task queue failed; the next sweep retries"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Ends the attempts whose lease expired; answers the tasks moved. */
    public Uni<List<TaskRow>> expireLeases() {
        return db.tx(connection -> transitions.run(connection, EXPIRE, Tuple.of(config.jobs().sweepBatch())));
    }

    /** Makes DRAINING agents that hold no running task INACTIVE; answers how many. */
    public Uni<Integer> finishDraining() {
        return db.pool().preparedQuery(DRAINED).execute().map(rows -> rows.rowCount());
    }

    /** Makes due PENDING tasks SCHEDULED; answers the tasks moved. */
    public Uni<List<TaskRow>> promoteDue() {
        return db.tx(connection -> transitions.run(connection, PROMOTE, Tuple.of(config.jobs().sweepBatch())));
    }
}

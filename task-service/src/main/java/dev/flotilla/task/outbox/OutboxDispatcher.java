package dev.flotilla.task.outbox;

import dev.flotilla.task.config.TaskConfig;
import dev.flotilla.task.db.Db;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;

/**
 * Delivers the outbox: the task and workflow events, in the order their transactions wrote them,
 * from where the last delivery ended ({@code outbox_cursor}). One transaction locks the cursor
 * (a replica that finds it locked leaves the work to the one holding it), reads a batch, hands it
 * to the {@link OutboxSink} and moves the cursor past it. When the sink fails, the transaction
 * rolls back (the cursor stays), the attempt is counted, and the same events are offered again
 * after a growing delay.
 *
 * <p>Events are read in {@code (xid, id)} order and only from transactions older than the oldest
 * one still running when the cursor was locked ({@code pg_snapshot_xmin}): an event id is taken
 * before its transaction commits, so a plain id cursor would pass over an event whose transaction
 * commits after a later one's. No transaction running or yet to start can write below that
 * horizon, so nothing is skipped; a long transaction anywhere in the database delays delivery
 * until it ends.
 */
@ApplicationScoped
public class OutboxDispatcher {

    private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class);

    /**
     * The horizon comes from this statement's snapshot, taken before the row lock gives the
     * transaction an id of its own. A cursor waiting after a failed delivery is not taken.
     */
    private static final String LOCK_CURSOR = """
            select xid::text as xid, id, attempts, pg_snapshot_xmin(pg_current_snapshot())::text as horizon
              from task.outbox_cursor
             where next_attempt_at <= now()
               for update skip locked""";

    /**
     * The batch size stays a parameter: PostgreSQL then plans each batch for the tables as they
     * are (a plan made once while they were nearly empty would be kept as they grow).
     */
    private static final String TAKE = """
            select topic, id, xid::text as xid, tenant_id, aggregate_id, payload, at
              from ((select 'task.status-changed' as topic, e.id, e.xid, e.tenant_id, e.task_id as aggregate_id,
                            json_build_object('taskId', e.task_id, 'type', t.type, 'workflowId', t.workflow_id,
                                              'from', e.from_status, 'to', e.to_status, 'reason', e.reason,
                                              'attempt', e.attempt, 'agentId', e.agent_id, 'at', e.at)::text as payload, e.at
                       from task.task_events e join task.tasks t on t.id = e.task_id
                      where (e.xid, e.id) > ($1::xid8, $2) and e.xid < $3::xid8
                      order by e.xid, e.id
                      limit $4)
                    union all
                    (select 'workflow.status-changed', w.id, w.xid, w.tenant_id, w.workflow_id,
                            json_build_object('workflowId', w.workflow_id, 'from', w.from_status, 'to', w.to_status,
                                              'at', w.at)::text, w.at
                       from task.workflow_events w
                      where (w.xid, w.id) > ($1::xid8, $2) and w.xid < $3::xid8
                      order by w.xid, w.id
                      limit $4)) batch
             order by xid, id
             limit $4""";

    private static final String ADVANCE = """
            update task.outbox_cursor set xid = $1::xid8, id = $2, attempts = 0, last_error = null""";

    private static final String FAILED = """
            update task.outbox_cursor
               set attempts = attempts + 1, last_error = left($1, 2000),
                   next_attempt_at = now() + least(power(2, attempts), 100) * $2::bigint * interval '1 millisecond'""";

    private final Db db;
    private final OutboxSink sink;
    private final TaskConfig config;

    public OutboxDispatcher(Db db, OutboxSink sink, TaskConfig config) {
        this.db = db;
        this.sink = sink;
        this.config = config;
    }

    @Scheduled(every = "${flotilla.task.outbox.dispatch-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return drain()
                .onFailure().invoke(failure -> LOG.warnf(failure, "Dispatching the outbox failed; the next run retries"))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /** Delivers batch after batch while they come full, so a busy queue's outbox keeps up; answers how many events were delivered. */
    public Uni<Integer> drain() {
        return dispatch().chain(delivered -> delivered < config.outbox().batchSize()
                ? Uni.createFrom().item(delivered)
                : drain().map(more -> delivered + more));
    }

    /** Delivers one batch; answers how many events were delivered (none while another replica delivers). */
    public Uni<Integer> dispatch() {
        List<OutboxMessage> batch = new ArrayList<>();
        return db.tx(connection -> connection.preparedQuery(LOCK_CURSOR).execute().chain(cursor -> {
                    batch.clear();
                    if (cursor.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    return deliverAfter(connection, cursor.iterator().next(), batch);
                }))
                .onFailure(failure -> !batch.isEmpty()).recoverWithUni(failure -> db.pool().preparedQuery(FAILED)
                        .execute(Tuple.of(String.valueOf(failure.getMessage()), config.outbox().retryDelay().toMillis()))
                        .invoke(() -> LOG.warnf("Outbox delivery of %d events failed (%s); will retry", batch.size(), failure.getMessage()))
                        .replaceWith(0));
    }

    private Uni<Integer> deliverAfter(SqlConnection connection, Row cursor, List<OutboxMessage> batch) {
        int attempts = cursor.getInteger("attempts");
        Tuple take = Tuple.of(cursor.getString("xid"), cursor.getLong("id"), cursor.getString("horizon"), config.outbox().batchSize());
        return connection.preparedQuery(TAKE).execute(take).chain(rows -> {
            Row last = null;
            for (Row row : rows) {
                batch.add(message(row, attempts));
                last = row;
            }
            if (last == null) {
                return Uni.createFrom().item(0);
            }
            Tuple advance = Tuple.of(last.getString("xid"), last.getLong("id"));
            return sink.deliver(batch)
                    .chain(() -> connection.preparedQuery(ADVANCE).execute(advance))
                    .replaceWith(batch.size());
        });
    }

    private static OutboxMessage message(Row row, int attempts) {
        return new OutboxMessage(row.getLong("id"), row.getUUID("tenant_id"), row.getString("topic"), row.getUUID("aggregate_id"),
                new JsonObject(row.getString("payload")), Db.instant(row, "at"), attempts);
    }
}

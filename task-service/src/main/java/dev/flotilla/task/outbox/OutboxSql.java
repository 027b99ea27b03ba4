package dev.flotilla.task.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The statements of {@link OutboxDispatcher} over {@code outbox_cursor} and the events it
 * delivers ({@code task_events}, {@code workflow_events}), positions given as
 * {@code (xid, id)} with the transaction id as text.
 */
final class OutboxSql {

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
     * Each event with what its notification needs of the task or workflow that does not change
     * (type, workflow, name, creator), so that an event delivered again is announced the same way.
     * The batch size stays a parameter: PostgreSQL then plans each batch for the tables as they
     * are (a plan made once while they were nearly empty would be kept as they grow).
     */
    private static final String TAKE = """
            select topic, id, xid::text as xid, tenant_id, aggregate_id, payload, at
              from ((select 'task.status-changed' as topic, e.id, e.xid, e.tenant_id, e.task_id as aggregate_id,
                            json_build_object('taskId', e.task_id, 'type', t.type, 'workflowId', t.workflow_id,
                                              'from', e.from_status, 'to', e.to_status, 'reason', e.reason,
                                              'attempt', e.attempt, 'agentId', e.agent_id, 'createdBy', t.created_by,
                                              'at', e.at)::text as payload, e.at
                       from task.task_events e join task.tasks t on t.id = e.task_id
                      where (e.xid, e.id) > ($1::xid8, $2) and e.xid < $3::xid8
                      order by e.xid, e.id
                      limit $4)
                    union all
                    (select 'workflow.status-changed', w.id, w.xid, w.tenant_id, w.workflow_id,
                            json_build_object('workflowId', w.workflow_id, 'name', f.name, 'createdBy', f.created_by,
                                              'from', w.from_status, 'to', w.to_status, 'reason', w.reason,
                                              'at', w.at)::text, w.at
                       from task.workflow_events w left join task.workflows f on f.id = w.workflow_id
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

    private OutboxSql() {
    }

    /**
     * The cursor row ({@code xid, id, attempts, horizon}), locked; no row while another replica holds it or it waits after a
     * failure.
     */
    static Uni<RowSet<Row>> lockCursor(SqlConnection connection) {
        return connection.preparedQuery(LOCK_CURSOR).execute();
    }

    /** Up to {@code batchSize} events after {@code (xid, id)}, of transactions before {@code horizon}, in order. */
    static Uni<RowSet<Row>> take(SqlConnection connection, String xid, Long id, String horizon, int batchSize) {
        return connection.preparedQuery(TAKE).execute(Tuple.of(xid, id, horizon, batchSize));
    }

    /** Moves the cursor past the event at {@code (xid, id)}, clearing its failures. */
    static Uni<Void> advance(SqlConnection connection, String xid, Long id) {
        return connection.preparedQuery(ADVANCE).execute(Tuple.of(xid, id)).replaceWithVoid();
    }

    /** Counts a failed delivery on the cursor and holds it back for the attempt's delay. */
    static Uni<Void> failed(SqlClient client, String error, long retryDelayMillis) {
        return client.preparedQuery(FAILED).execute(Tuple.of(error, retryDelayMillis)).replaceWithVoid();
    }
}

package dev.flotilla.task.retention;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The deletions of the retention job, each with what belongs to it (events have no foreign key to their task, so they
 * are deleted in the same statement; dependencies and a workflow's tasks follow by cascade). A task of a workflow goes
 * only with its workflow, so nothing of a workflow still running is ever deleted; a task or workflow whose events the outbox
 * has not delivered yet (after its cursor) waits.
 * Rows are taken {@code FOR UPDATE SKIP LOCKED}: a row a claim or a transition holds is left for the next run.
 * {@code $1} is the tenant (null: every tenant but those of {@code $2}), {@code $3} the end of the period, {@code $4}
 * the batch.
 */
final class RetentionSql {

    private static final String TENANTS = "(($1::uuid is null and not (tenant_id = any($2::uuid[]))) or tenant_id = $1)";

    private static final String DELIVERED = """
            not exists (select 1 from task.task_events e, task.outbox_cursor c
                         where e.task_id = t.id and e.xid is not null and (e.xid, e.id) > (c.xid, c.id))""";

    private static final String DELETE_TASKS = """
            with due as (
                select id from task.tasks t
                 where workflow_id is null and status in ('SUCCEEDED', 'FAILED', 'CANCELLED', 'DEAD')
                   and finished_at < $3 and %s and %s
                 order by finished_at
                 limit $4
                   for update skip locked),
            events as (delete from task.task_events where task_id in (select id from due))
            delete from task.tasks where id in (select id from due)""".formatted(TENANTS, DELIVERED);

    private static final String DELETE_WORKFLOWS = """
            with due as (
                select id from task.workflows w
                 where status in ('SUCCEEDED', 'FAILED', 'CANCELLED') and finished_at < $3 and %s
                   and not exists (select 1 from task.workflow_events e, task.outbox_cursor c
                                    where e.workflow_id = w.id and (e.xid, e.id) > (c.xid, c.id))
                   and not exists (select 1 from task.tasks t where t.workflow_id = w.id and not (%s))
                 order by finished_at
                 limit $4
                   for update skip locked),
            events as (delete from task.workflow_events where workflow_id in (select id from due)),
            task_events as (delete from task.task_events
                             where task_id in (select id from task.tasks where workflow_id in (select id from due)))
            delete from task.workflows where id in (select id from due)""".formatted(TENANTS, DELIVERED);

    private RetentionSql() {
    }

    /** Deletes up to {@code batch} finished tasks outside workflows; answers how many. */
    static Uni<Integer> deleteTasks(SqlClient client, UUID tenant, UUID[] overridden, OffsetDateTime before, int batch) {
        return client.preparedQuery(DELETE_TASKS).execute(Tuple.of(tenant, overridden, before, batch))
                .map(rows -> rows.rowCount());
    }

    /** Deletes up to {@code batch} finished workflows with their tasks and events; answers how many workflows. */
    static Uni<Integer> deleteWorkflows(SqlClient client, UUID tenant, UUID[] overridden, OffsetDateTime before,
            int batch) {
        return client.preparedQuery(DELETE_WORKFLOWS).execute(Tuple.of(tenant, overridden, before, batch))
                .map(rows -> rows.rowCount());
    }
}

package dev.flotilla.task.task;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.List;

/**
 * The statements of a transition's consequences ({@link Transitions}), each over the ids in $1:
 * dependents counted down, released (their payload references resolved) or cancelled, and workflows
 * locked and rolled up.
 */
final class TransitionSql {

    private static final String COUNT_DOWN = """
            update task.tasks t set deps_pending = t.deps_pending - d.n, updated_at = now()
              from (select task_id, count(*) as n from task.task_dependencies where depends_on = any($1::uuid[]) group by task_id) d
             where t.id = d.task_id""";

    /** The dependents of the tasks in $1 with no open dependency left, and due, become SCHEDULED. */
    static final String RELEASE_DEPENDENTS = """
            update task.tasks t set status = 'SCHEDULED', updated_at = now()
              from (select id, status as prev from task.tasks
                     where id in (select task_id from task.task_dependencies where depends_on = any($1::uuid[]))
                       and status = 'PENDING' and deps_pending = 0 and run_at <= now()
                     order by id for update) p
             where t.id = p.id
            returning t.*, p.prev, 'dependencies succeeded'::text as reason, null::timestamptz as attempt_started_at""";

    /** The waiting transitive dependents of the tasks in $1 are CANCELLED. */
    static final String CANCEL_DEPENDENTS = """
            update task.tasks t set status = 'CANCELLED', updated_at = now(), finished_at = now()
              from (select id, status as prev from task.tasks
                     where id in (with recursive below(id) as (
                                      select task_id from task.task_dependencies where depends_on = any($1::uuid[])
                                      union
                                      select d.task_id from task.task_dependencies d join below on d.depends_on = below.id)
                                  select id from below)
                       and status in ('PENDING', 'SCHEDULED')
                     order by id for update) p
             where t.id = p.id
            returning t.*, p.prev, 'a dependency did not succeed'::text as reason, null::timestamptz as attempt_started_at""";

    /** Tasks $1 (SCHEDULED) whose payload references could not be resolved FAIL, each for its reason in $2. */
    static final String FAIL_UNRESOLVED = """
            update task.tasks t set status = 'FAILED', error = p.reason, updated_at = now(), finished_at = now()
              from (select x.id, x.status as prev, u.reason
                      from unnest($1::uuid[], $2::text[]) as u(id, reason) join task.tasks x on x.id = u.id
                     where x.status = 'SCHEDULED'
                     order by x.id for update of x) p
             where t.id = p.id
            returning t.*, p.prev, 'payload reference not resolved: ' || p.reason as reason,
                      null::timestamptz as attempt_started_at""";

    private static final String TEMPLATES = """
            select t.id, t.payload_template::text as template,
                   (select jsonb_object_agg(d.workflow_key, d.result)
                      from task.task_dependencies td join task.tasks d on d.id = td.depends_on
                     where td.task_id = t.id and d.tenant_id = t.tenant_id)::text as results
              from task.tasks t
             where t.id = any($1::uuid[]) and t.payload_template is not null""";

    private static final String LOCK_WORKFLOWS = "select id from task.workflows where id = any($1::uuid[]) order by id for update";

    // Runs after LOCK_WORKFLOWS in a later statement, so its snapshot includes every change
    // committed by transactions that held the workflow lock before this one.
    private static final String ROLL_UP = """
            with s as (select workflow_id,
                              count(*) as total,
                              count(*) filter (where status = 'SUCCEEDED') as ok,
                              count(*) filter (where status in ('FAILED', 'DEAD', 'TIMED_OUT', 'CANCELLED')) as bad,
                              count(*) filter (where status not in ('PENDING', 'SCHEDULED')) as started
                         from task.tasks where workflow_id = any($1::uuid[]) group by workflow_id),
                 p as (select id, status as prev from task.workflows where id = any($1::uuid[])),
                 u as (update task.workflows w
                          set status = case when w.cancel_requested then 'CANCELLED'
                                            when s.ok = s.total then 'SUCCEEDED'
                                            when s.ok + s.bad = s.total then 'FAILED'
                                            when s.started > 0 then 'RUNNING'
                                            else 'PENDING' end,
                              finished_at = case when s.ok + s.bad = s.total then coalesce(w.finished_at, now()) end,
                              updated_at = now()
                         from s, p
                        where w.id = s.workflow_id and p.id = w.id
                    returning w.id, w.tenant_id, w.status, p.prev)
            insert into task.workflow_events (tenant_id, workflow_id, from_status, to_status)
            select tenant_id, id, prev, status from u where prev <> status""";

    private TransitionSql() {
    }

    /** Counts down the open dependencies of the dependents of the tasks in {@code succeeded}. */
    static Uni<Void> countDown(SqlConnection connection, Tuple succeeded) {
        return connection.preparedQuery(COUNT_DOWN).execute(succeeded).replaceWithVoid();
    }

    /**
     * The tasks among {@code ids} whose payload refers to their dependencies' results: each row is
     * {@code id}, {@code template} (the payload as defined) and {@code results} (an object of each
     * dependency's key and result), both as text.
     */
    static Uni<RowSet<Row>> templates(SqlConnection connection, Tuple ids) {
        return connection.preparedQuery(TEMPLATES).execute(ids);
    }

    /** Sets the payload of each task, given as {@code (id, payload as text)}. */
    static Uni<Void> writePayloads(SqlConnection connection, List<Tuple> payloads) {
        return connection.preparedQuery("update task.tasks set payload = $2::text::jsonb where id = $1")
                .executeBatch(payloads).replaceWithVoid();
    }

    /** Locks the workflows in {@code workflows}, in id order, until the transaction ends. */
    static Uni<Void> lockWorkflows(SqlConnection connection, Tuple workflows) {
        return connection.preparedQuery(LOCK_WORKFLOWS).execute(workflows).replaceWithVoid();
    }

    /** Rolls the status of the (locked) workflows up from their tasks, writing an event for each change. */
    static Uni<Void> rollUp(SqlConnection connection, Tuple workflows) {
        return connection.preparedQuery(ROLL_UP).execute(workflows).replaceWithVoid();
    }
}

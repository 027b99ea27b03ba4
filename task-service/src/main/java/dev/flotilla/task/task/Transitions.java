package dev.flotilla.task.task;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Runs task state changes and, in the same transaction, their consequences:
 * <ul>
 *   <li>a task of a workflow that SUCCEEDED counts down its dependents' open dependencies, and those
 *       with none left (and due) become SCHEDULED;</li>
 *   <li>a task of a workflow that ended without success cancels all its (transitive) dependents;</li>
 *   <li>the status of every workflow touched is rolled up from its tasks.</li>
 * </ul>
 * Tenants with newly claimable tasks are announced by the statements that make them claimable
 * ({@link TaskRepository#transition}).
 */
@ApplicationScoped
public class Transitions {

    private static final String COUNT_DOWN = """
            update task.tasks t set deps_pending = t.deps_pending - d.n, updated_at = now()
              from (select task_id, count(*) as n from task.task_dependencies where depends_on = any($1::uuid[]) group by task_id) d
             where t.id = d.task_id""";

    private static final String RELEASE_DEPENDENTS = """
            update task.tasks t set status = 'SCHEDULED', updated_at = now()
              from (select id, status as prev from task.tasks
                     where id in (select task_id from task.task_dependencies where depends_on = any($1::uuid[]))
                       and status = 'PENDING' and deps_pending = 0 and run_at <= now()
                     order by id for update) p
             where t.id = p.id
            returning t.*, p.prev, 'dependencies succeeded'::text as reason, null::timestamptz as attempt_started_at""";

    private static final String CANCEL_DEPENDENTS = """
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

    private final TaskRepository tasks;

    public Transitions(TaskRepository tasks) {
        this.tasks = tasks;
    }

    /** Runs a changing statement (see {@link TaskRepository#transition}) and then its consequences. */
    public Uni<List<TaskRow>> run(SqlConnection connection, String changing, Tuple params) {
        return run(connection, "", changing, params);
    }

    /** As {@link #run(SqlConnection, String, Tuple)}, with common table expressions the changing statement reads. */
    public Uni<List<TaskRow>> run(SqlConnection connection, String before, String changing, Tuple params) {
        return tasks.transition(connection, before, changing, params)
                .call(rows -> consequences(connection, rows, new LinkedHashSet<>()));
    }

    /** The consequences of rows already changed (and recorded) in this transaction. */
    public Uni<Void> consequences(SqlConnection connection, List<TaskRow> rows, Set<UUID> workflows) {
        List<UUID> succeeded = new ArrayList<>();
        List<UUID> unsuccessful = new ArrayList<>();
        for (TaskRow row : rows) {
            if (row.view().workflowId() == null) {
                continue;
            }
            workflows.add(row.view().workflowId());
            if (!row.moved()) {
                continue;
            }
            if (row.view().status() == TaskStatus.SUCCEEDED) {
                succeeded.add(row.view().id());
            } else if (TaskStatus.UNSUCCESSFUL.contains(row.view().status())) {
                unsuccessful.add(row.view().id());
            }
        }
        Uni<Void> work = Uni.createFrom().voidItem();
        if (!succeeded.isEmpty()) {
            Tuple ids = Tuple.of(succeeded.toArray(UUID[]::new));
            work = work.chain(() -> connection.preparedQuery(COUNT_DOWN).execute(ids))
                    .chain(() -> tasks.transition(connection, RELEASE_DEPENDENTS, ids))
                    .replaceWithVoid();
        }
        if (!unsuccessful.isEmpty()) {
            Tuple ids = Tuple.of(unsuccessful.toArray(UUID[]::new));
            work = work.chain(() -> tasks.transition(connection, CANCEL_DEPENDENTS, ids))
                    .replaceWithVoid();
        }
        return work.chain(() -> rollUp(connection, workflows));
    }

    /** Recomputes the status of the workflows from their tasks, under the workflows' row locks. */
    public Uni<Void> rollUp(SqlConnection connection, Set<UUID> workflows) {
        if (workflows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Tuple ids = Tuple.of(workflows.toArray(UUID[]::new));
        return connection.preparedQuery(LOCK_WORKFLOWS).execute(ids)
                .chain(() -> connection.preparedQuery(ROLL_UP).execute(ids))
                .replaceWithVoid();
    }
}

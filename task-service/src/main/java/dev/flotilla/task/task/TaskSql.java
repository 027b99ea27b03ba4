package dev.flotilla.task.task;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.UUID;

/**
 * The statements of {@link TaskService} beyond the task rows {@link TaskRepository} reads and
 * writes: the state changes clients ask for (run through {@link Transitions}) and the check that a
 * task may join a workflow.
 */
final class TaskSql {

    /** Cancels task $2 of tenant $1 for $3: at once unless it is RUNNING, when cancellation is requested. */
    static final String CANCEL = """
            update task.tasks t
               set status = case when p.prev = 'RUNNING' then 'RUNNING' else 'CANCELLED' end,
                   cancel_requested = true, updated_at = now(),
                   finished_at = case when p.prev = 'RUNNING' then null else now() end
              from (select id, status as prev from task.tasks
                     where tenant_id = $1 and id = $2 and status in ('PENDING', 'SCHEDULED', 'RUNNING') and not cancel_requested
                     for update) p
             where t.id = p.id
            returning t.*, p.prev,
                      case when p.prev = 'RUNNING' then 'cancellation requested by ' else 'cancelled by ' end || $3 as reason,
                      null::timestamptz as attempt_started_at""";

    /** Schedules FAILED, DEAD or TIMED_OUT task $2 of tenant $1, of no workflow, again for $3, with a fresh set of attempts. */
    static final String RETRY = """
            update task.tasks t
               set status = 'SCHEDULED', attempt = 0, run_at = now(), agent_id = null, lease_id = null, lease_expires_at = null,
                   deadline_at = null, cancel_requested = false, progress = null, progress_message = null, result = null,
                   error = null, started_at = null, finished_at = null, updated_at = now()
              from (select id, status as prev from task.tasks
                     where tenant_id = $1 and id = $2 and status in ('FAILED', 'DEAD', 'TIMED_OUT') and workflow_id is null
                     for update) p
             where t.id = p.id
            returning t.*, p.prev, 'retried by ' || $3 as reason, null::timestamptz as attempt_started_at""";

    private TaskSql() {
    }

    /** The status of the tenant's workflow, locked until the transaction ends; null when there is no such workflow. */
    static Uni<String> lockWorkflowStatus(SqlConnection connection, UUID tenant, UUID workflow) {
        return connection.preparedQuery("select status from task.workflows where tenant_id = $1 and id = $2 for update")
                .execute(Tuple.of(tenant, workflow))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }
}

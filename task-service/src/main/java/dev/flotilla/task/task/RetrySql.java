package dev.flotilla.task.task;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The statements of a workflow's retry ({@link TaskRetries}): its task graph, the reset, the event in its history. */
final class RetrySql {

    /**
     * Starts tasks $2 of tenant $1 again for reason $3 with a fresh set of attempts: claimable when
     * every dependency has succeeded, otherwise waiting for the ones still open; a payload with
     * references goes back to its template, to be resolved again on release.
     */
    static final String RESET = """
            update task.tasks t
               set status = case when d.open = 0 then 'SCHEDULED' else 'PENDING' end, deps_pending = d.open,
                   payload = coalesce(t.payload_template, t.payload),
                   attempt = 0, run_at = now(), agent_id = null, lease_id = null, lease_expires_at = null,
                   deadline_at = null, cancel_requested = false, progress = null, progress_message = null, result = null,
                   error = null, started_at = null, finished_at = null, updated_at = now()
              from (select id, status as prev from task.tasks
                     where tenant_id = $1 and id = any($2::uuid[]) and status in ('FAILED', 'DEAD', 'TIMED_OUT', 'CANCELLED')
                     order by id for update) p
                   cross join lateral (select count(*) filter (where dep.status <> 'SUCCEEDED') as open
                                         from task.task_dependencies td join task.tasks dep on dep.id = td.depends_on
                                        where td.task_id = p.id) d
             where t.id = p.id
            returning t.*, p.prev, $3::text as reason, null::timestamptz as attempt_started_at""";

    private RetrySql() {
    }

    /** The workflow's tasks with their status, whether people cancelled them, and the ids of their dependencies. */
    static Uni<List<RetryPlan.Node>> graph(SqlConnection connection, UUID tenant, UUID workflow) {
        return connection.preparedQuery("""
                select t.id, t.workflow_key, t.status, t.cancel_requested,
                       coalesce(array_agg(td.depends_on) filter (where td.depends_on is not null), '{}') as depends_on
                  from task.tasks t left join task.task_dependencies td on td.task_id = t.id
                 where t.tenant_id = $1 and t.workflow_id = $2
                 group by t.id
                 order by t.id""")
                .execute(Tuple.of(tenant, workflow))
                .map(rows -> {
                    List<RetryPlan.Node> nodes = new ArrayList<>();
                    for (Row row : rows) {
                        nodes.add(new RetryPlan.Node(row.getUUID("id"), row.getString("workflow_key"),
                                TaskStatus.valueOf(row.getString("status")), row.getBoolean("cancel_requested"),
                                List.of(row.getArrayOfUUIDs("depends_on"))));
                    }
                    return nodes;
                });
    }

    /** The retry as an event of the workflow's history, delivered by the outbox; its status stays {@code status}. */
    static Uni<Void> recordRetry(SqlConnection connection, UUID tenant, UUID workflow, String status, String reason) {
        return connection.preparedQuery("insert into task.workflow_events (tenant_id, workflow_id, from_status, to_status,"
                + " reason) values ($1, $2, $3, $3, $4)")
                .execute(Tuple.of(tenant, workflow, status, reason))
                .replaceWithVoid();
    }
}

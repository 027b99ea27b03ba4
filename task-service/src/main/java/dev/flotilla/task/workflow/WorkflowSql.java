package dev.flotilla.task.workflow;

import dev.flotilla.common.paging.Cursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.List;
import java.util.UUID;

/**
 * The statements of {@link WorkflowService} over {@code workflows} and {@code task_dependencies};
 * the workflow's tasks themselves are written through {@code TaskRepository}.
 */
final class WorkflowSql {

    /** Cancels the waiting tasks of workflow $2 of tenant $1 for $3 and requests cancellation of its running ones. */
    static final String CANCEL_TASKS = """
            update task.tasks t
               set status = case when p.prev = 'RUNNING' then 'RUNNING' else 'CANCELLED' end,
                   cancel_requested = true, updated_at = now(),
                   finished_at = case when p.prev = 'RUNNING' then null else now() end
              from (select id, status as prev from task.tasks
                     where tenant_id = $1 and workflow_id = $2 and status in ('PENDING', 'SCHEDULED', 'RUNNING')
                       and not cancel_requested
                     order by id for update) p
             where t.id = p.id
            returning t.*, p.prev,
                      case when p.prev = 'RUNNING' then 'cancellation requested: workflow cancelled by '
                           else 'workflow cancelled by ' end || $3 as reason,
                      null::timestamptz as attempt_started_at""";

    private WorkflowSql() {
    }

    static Uni<Void> insert(SqlConnection connection, UUID workflow, UUID tenant, String name, String creator) {
        return connection.preparedQuery("insert into task.workflows (id, tenant_id, name, status, created_by, created_at,"
                + " updated_at) values ($1, $2, $3, 'PENDING', $4, now(), now())")
                .execute(Tuple.of(workflow, tenant, name, creator))
                .replaceWithVoid();
    }

    /** The dependencies, each {@code (task_id, depends_on)}, in one pipelined batch. */
    static Uni<Void> insertDependencies(SqlConnection connection, List<Tuple> dependencies) {
        return connection.preparedQuery("insert into task.task_dependencies (task_id, depends_on) values ($1, $2)")
                .executeBatch(dependencies)
                .replaceWithVoid();
    }

    /** The status of the tenant's workflow, locked until the transaction ends; null when there is no such workflow. */
    static Uni<String> lockStatus(SqlConnection connection, UUID tenant, UUID id) {
        return connection.preparedQuery("select status from task.workflows where tenant_id = $1 and id = $2 for update")
                .execute(Tuple.of(tenant, id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    static Uni<Void> requestCancellation(SqlConnection connection, UUID id) {
        return connection.preparedQuery("update task.workflows set cancel_requested = true, updated_at = now() where id = $1")
                .execute(Tuple.of(id))
                .replaceWithVoid();
    }

    /** Up to {@code limit} workflows of the tenant after {@code after} (or from the first), in id order. */
    static Uni<RowSet<Row>> page(SqlClient client, UUID tenant, Cursor after, int limit) {
        String sql = "select * from task.workflows where tenant_id = $1" + (after == null ? "" : " and id > $3")
                + " order by id limit $2";
        Tuple params = after == null ? Tuple.of(tenant, limit) : Tuple.of(tenant, limit, after.id());
        return client.preparedQuery(sql).execute(params);
    }

    /** The tenant's workflow, or null when there is none. */
    static Uni<Row> find(SqlClient client, UUID tenant, UUID id) {
        return client.preparedQuery("select * from task.workflows where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenant, id))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    }

    /** The workflow's history, oldest first. */
    static Uni<RowSet<Row>> events(SqlClient client, UUID tenant, UUID id) {
        return client.preparedQuery("select at, from_status, to_status, reason from task.workflow_events"
                + " where tenant_id = $1 and workflow_id = $2 order by id")
                .execute(Tuple.of(tenant, id));
    }

    /** The workflow's tasks in id order, each with the keys of the tasks it depends on ({@code depends_on}). */
    static Uni<RowSet<Row>> tasks(SqlClient client, UUID tenant, UUID id) {
        return client.preparedQuery("""
                select t.id, t.workflow_key, t.type, t.status,
                       coalesce(array_agg(d.workflow_key order by d.workflow_key)
                                filter (where d.workflow_key is not null), '{}') as depends_on
                  from task.tasks t
                  left join task.task_dependencies td on td.task_id = t.id
                  left join task.tasks d on d.id = td.depends_on
                 where t.tenant_id = $1 and t.workflow_id = $2
                 group by t.id, t.workflow_key, t.type, t.status
                 order by t.id""")
                .execute(Tuple.of(tenant, id));
    }
}

package dev.flotilla.task.workflow;

import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.task.db.Db;
import dev.flotilla.task.dispatch.TaskSignals;
import dev.flotilla.task.task.NewTask;
import dev.flotilla.task.task.TaskDefaults;
import dev.flotilla.task.task.TaskRepository;
import dev.flotilla.task.task.TaskSpec;
import dev.flotilla.task.task.TaskStatus;
import dev.flotilla.task.task.Transitions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Workflows: a DAG of tasks created in one transaction. Tasks without dependencies are claimable at
 * once; the others wait (PENDING) until all their dependencies SUCCEEDED, and are cancelled when one
 * does not ({@link Transitions}). Cancelling a workflow cancels its waiting tasks at once and
 * requests cancellation of its running ones.
 */
@ApplicationScoped
public class WorkflowService {

    private static final String CANCEL_TASKS = """
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

    private final Db db;
    private final TaskRepository tasks;
    private final Transitions transitions;
    private final TaskDefaults defaults;

    public WorkflowService(Db db, TaskRepository tasks, Transitions transitions, TaskDefaults defaults) {
        this.db = db;
        this.tasks = tasks;
        this.transitions = transitions;
        this.defaults = defaults;
    }

    public Uni<WorkflowView> create(UUID tenant, CreateWorkflow request) {
        Dag.validate(request.tasks());
        UUID workflow = Ids.next();
        Map<String, UUID> ids = new LinkedHashMap<>();
        request.tasks().forEach(task -> ids.put(task.key(), Ids.next()));
        List<NewTask> rows = new ArrayList<>();
        List<Tuple> dependencies = new ArrayList<>();
        for (int i = 0; i < request.tasks().size(); i++) {
            WorkflowTask task = request.tasks().get(i);
            TaskSpec spec = defaults.resolve("tasks[" + i + "].", task.type(), task.payload(), task.priority(),
                    task.requiredCapabilities(), task.timeout(), task.maxAttempts(), task.backoff());
            List<String> dependsOn = Dag.dependencies(task);
            rows.add(new NewTask(ids.get(task.key()), tenant, spec, null, null, workflow, task.key(), dependsOn.size(),
                    null, null, null, null));
            for (String dependency : dependsOn) {
                dependencies.add(Tuple.of(ids.get(task.key()), ids.get(dependency)));
            }
        }
        boolean claimable = rows.stream().anyMatch(row -> row.dependencies() == 0);
        return db.tx(connection -> connection.preparedQuery("insert into task.workflows (id, tenant_id, name, status, created_at, updated_at)"
                                + " values ($1, $2, $3, 'PENDING', now(), now())")
                        .execute(Tuple.of(workflow, tenant, request.name().strip()))
                        .chain(() -> tasks.insertAll(connection, rows))
                        .chain(() -> dependencies.isEmpty() ? Uni.createFrom().voidItem()
                                : connection.preparedQuery("insert into task.task_dependencies (task_id, depends_on) values ($1, $2)")
                                        .executeBatch(dependencies).replaceWithVoid())
                        .chain(() -> TaskSignals.announce(connection, claimable ? List.of(tenant.toString()) : List.of()))
                        .chain(() -> find(connection, tenant, workflow, true)));
    }

    public Uni<Page<WorkflowView>> list(UUID tenant, PageParams page) {
        Cursor after = page.after();
        String sql = "select * from task.workflows where tenant_id = $1" + (after == null ? "" : " and id > $3") + " order by id limit $2";
        Tuple params = after == null ? Tuple.of(tenant, page.limit() + 1) : Tuple.of(tenant, page.limit() + 1, after.id());
        return db.pool().preparedQuery(sql).execute(params).map(rows -> {
            List<WorkflowView> views = new ArrayList<>();
            for (Row row : rows) {
                views.add(view(row, null));
            }
            return Page.fromOverfetch(views, page.limit(), view -> Cursor.of(view.id()));
        });
    }

    public Uni<WorkflowView> get(UUID tenant, UUID id) {
        return find(db.pool(), tenant, id, true);
    }

    public Uni<WorkflowView> cancel(UUID tenant, UUID id, String by) {
        return db.tx(connection -> connection.preparedQuery("select status from task.workflows where tenant_id = $1 and id = $2 for update")
                .execute(Tuple.of(tenant, id))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(new NotFound("workflow", id));
                    }
                    WorkflowStatus status = WorkflowStatus.valueOf(rows.iterator().next().getString(0));
                    if (status.terminal()) {
                        return Uni.createFrom().failure(new Conflict("Workflow " + id + " is " + status + " and cannot be cancelled"));
                    }
                    return connection.preparedQuery("update task.workflows set cancel_requested = true, updated_at = now() where id = $1")
                            .execute(Tuple.of(id))
                            .chain(() -> transitions.run(connection, CANCEL_TASKS, Tuple.of(tenant, id, by)))
                            .chain(changed -> transitions.consequences(connection, changed, new LinkedHashSet<>(Set.of(id))))
                            .chain(() -> find(connection, tenant, id, true));
                }));
    }

    private Uni<WorkflowView> find(SqlClient client, UUID tenant, UUID id, boolean withTasks) {
        return client.preparedQuery("select * from task.workflows where tenant_id = $1 and id = $2").execute(Tuple.of(tenant, id))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().failure(new NotFound("workflow", id));
                    }
                    Row workflow = rows.iterator().next();
                    if (!withTasks) {
                        return Uni.createFrom().item(view(workflow, null));
                    }
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
                            .execute(Tuple.of(tenant, id))
                            .map(taskRows -> {
                                List<WorkflowView.Node> nodes = new ArrayList<>();
                                for (Row row : taskRows) {
                                    nodes.add(new WorkflowView.Node(row.getString("workflow_key"), row.getUUID("id"), row.getString("type"),
                                            TaskStatus.valueOf(row.getString("status")), List.of(row.getArrayOfStrings("depends_on"))));
                                }
                                return view(workflow, nodes);
                            });
                });
    }

    private static WorkflowView view(Row row, List<WorkflowView.Node> tasks) {
        return new WorkflowView(row.getUUID("id"), row.getString("name"), WorkflowStatus.valueOf(row.getString("status")),
                Db.instant(row, "created_at"), Db.instant(row, "updated_at"), Db.instant(row, "finished_at"), tasks);
    }
}

package dev.flotilla.task.workflow;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.task.task.NewTask;
import dev.flotilla.task.task.PayloadReferences;
import dev.flotilla.task.task.TaskDefaults;
import dev.flotilla.task.task.TaskRepository;
import dev.flotilla.task.task.TaskRetries;
import dev.flotilla.task.task.TaskSpec;
import dev.flotilla.task.task.TaskStatus;
import dev.flotilla.task.task.Transitions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Workflows: a DAG of tasks created in one transaction. Tasks without dependencies are claimable at
 * once; the others wait (PENDING) until all their dependencies SUCCEEDED, and are cancelled when one
 * does not ({@link Transitions}). A task's payload may refer to its dependencies' results
 * ({@link PayloadReferences}), checked here and resolved on release. Cancelling a workflow cancels
 * its waiting tasks at once and requests cancellation of its running ones; retrying it runs its
 * failed tasks and the dependents they cancelled again.
 */
@ApplicationScoped
public class WorkflowService {

    private final Db db;
    private final TaskRepository tasks;
    private final Transitions transitions;
    private final TaskDefaults defaults;
    private final TaskRetries retries;

    public WorkflowService(Db db, TaskRepository tasks, Transitions transitions, TaskDefaults defaults,
            TaskRetries retries) {
        this.db = db;
        this.retries = retries;
        this.tasks = tasks;
        this.transitions = transitions;
        this.defaults = defaults;
    }

    /**
     * Creates a workflow and its tasks, all recorded as created by {@code creator} ({@link dev.flotilla.task.task.Creator}).
     */
    public Uni<WorkflowView> create(UUID tenant, String creator, CreateWorkflow request) {
        Dag.validate(request.tasks());
        List<Problem.FieldError> references = new ArrayList<>();
        for (int i = 0; i < request.tasks().size(); i++) {
            WorkflowTask task = request.tasks().get(i);
            references.addAll(PayloadReferences.check("tasks[" + i + "].payload", task.payload(),
                    Set.copyOf(Dag.dependencies(task))));
        }
        if (!references.isEmpty()) {
            throw new ProblemException(ProblemType.UNPROCESSABLE,
                    "A task's payload refers to the result of a task it does not depend on, or not as a reference",
                    references);
        }
        UUID workflow = Ids.next();
        Map<String, UUID> ids = new LinkedHashMap<>();
        request.tasks().forEach(task -> ids.put(task.key(), Ids.next()));
        List<NewTask> rows = new ArrayList<>();
        List<Tuple> dependencies = new ArrayList<>();
        List<UUID> templates = new ArrayList<>();
        for (int i = 0; i < request.tasks().size(); i++) {
            WorkflowTask task = request.tasks().get(i);
            TaskSpec spec = defaults.resolve("tasks[" + i + "].", task.type(), task.payload(), task.priority(),
                    task.requiredCapabilities(), task.timeout(), task.maxAttempts(), task.backoff());
            List<String> dependsOn = Dag.dependencies(task);
            rows.add(new NewTask(ids.get(task.key()), tenant, spec, null, null, workflow, task.key(), dependsOn.size(),
                    null, null, null, null, creator));
            for (String dependency : dependsOn) {
                dependencies.add(Tuple.of(ids.get(task.key()), ids.get(dependency)));
            }
            if (PayloadReferences.present(task.payload())) {
                templates.add(ids.get(task.key()));
            }
        }
        boolean claimable = rows.stream().anyMatch(row -> row.dependencies() == 0);
        return db.tx(connection -> WorkflowSql.insert(connection, workflow, tenant, request.name().strip(), creator)
                .chain(() -> tasks.insertAll(connection, rows))
                .chain(() -> dependencies.isEmpty() ? Uni.createFrom().voidItem()
                        : WorkflowSql.insertDependencies(connection, dependencies))
                .chain(() -> templates.isEmpty() ? Uni.createFrom().voidItem()
                        : tasks.keepTemplates(connection, tenant, templates))
                .chain(() -> tasks.announce(connection, claimable ? List.of(tenant.toString()) : List.of()))
                .chain(() -> find(connection, tenant, workflow)));
    }

    public Uni<Page<WorkflowView>> list(UUID tenant, PageParams page) {
        return WorkflowSql.page(db.pool(), tenant, page.after(), page.limit() + 1).map(rows -> {
            List<WorkflowView> views = new ArrayList<>();
            for (Row row : rows) {
                views.add(view(row, null));
            }
            return Page.fromOverfetch(views, page.limit(), view -> Cursor.of(view.id()));
        });
    }

    public Uni<WorkflowView> get(UUID tenant, UUID id) {
        return find(db.pool(), tenant, id);
    }

    public Uni<WorkflowView> cancel(UUID tenant, UUID id, String by) {
        return db.tx(connection -> WorkflowSql.lockStatus(connection, tenant, id)
                .chain(current -> {
                    if (current == null) {
                        return Uni.createFrom().failure(new NotFound("workflow", id));
                    }
                    WorkflowStatus status = WorkflowStatus.valueOf(current);
                    if (status.terminal()) {
                        return Uni.createFrom()
                                .failure(new Conflict("Workflow " + id + " is " + status + " and cannot be cancelled"));
                    }
                    return WorkflowSql.requestCancellation(connection, id)
                            .chain(() -> transitions.run(connection, WorkflowSql.CANCEL_TASKS, Tuple.of(tenant, id, by)))
                            .chain(changed -> transitions.consequences(connection, changed, new LinkedHashSet<>(Set.of(id))))
                            .chain(() -> find(connection, tenant, id));
                }));
    }

    /**
     * Runs the failed tasks again (FAILED, DEAD, TIMED_OUT) and the dependents they cancelled;
     * succeeded tasks keep their results ({@link TaskRetries}). 409 when there is nothing to retry.
     */
    public Uni<WorkflowView> retry(UUID tenant, UUID id, String by) {
        return db.tx(connection -> WorkflowSql.lockStatus(connection, tenant, id)
                .chain(status -> status == null
                        ? Uni.createFrom().failure(new NotFound("workflow", id))
                        : retries.retryWorkflow(connection, tenant, id, status, by))
                .chain(() -> find(connection, tenant, id)));
    }

    /** The tenant's workflow with its tasks and its history. */
    private Uni<WorkflowView> find(SqlClient client, UUID tenant, UUID id) {
        return WorkflowSql.find(client, tenant, id)
                .chain(workflow -> {
                    if (workflow == null) {
                        return Uni.createFrom().failure(new NotFound("workflow", id));
                    }
                    return WorkflowSql.tasks(client, tenant, id)
                            .chain(taskRows -> WorkflowSql.events(client, tenant, id).map(eventRows -> {
                                List<WorkflowView.Node> nodes = new ArrayList<>();
                                for (Row row : taskRows) {
                                    nodes.add(new WorkflowView.Node(row.getString("workflow_key"), row.getUUID("id"),
                                            row.getString("type"),
                                            TaskStatus.valueOf(row.getString("status")),
                                            List.of(row.getArrayOfStrings("depends_on"))));
                                }
                                List<WorkflowView.Event> events = new ArrayList<>();
                                for (Row row : eventRows) {
                                    String from = row.getString("from_status");
                                    events.add(new WorkflowView.Event(Db.instant(row, "at"),
                                            from == null ? null : WorkflowStatus.valueOf(from),
                                            WorkflowStatus.valueOf(row.getString("to_status")), row.getString("reason")));
                                }
                                return view(workflow, nodes).withEvents(events);
                            }));
                });
    }

    private static WorkflowView view(Row row, List<WorkflowView.Node> tasks) {
        return new WorkflowView(row.getUUID("id"), row.getString("name"), WorkflowStatus.valueOf(row.getString("status")),
                Db.instant(row, "created_at"), Db.instant(row, "updated_at"), Db.instant(row, "finished_at"), tasks, null);
    }
}

package dev.flotilla.task.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.error.Problem;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.common.error.ProblemType;
import dev.flotilla.common.id.Ids;
import dev.flotilla.common.paging.Cursor;
import dev.flotilla.common.paging.Page;
import dev.flotilla.common.paging.PageParams;
import dev.flotilla.common.request.IdempotencyKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Tasks as clients see them: creation (idempotent under an {@code Idempotency-Key}), lists,
 * history, cancellation and retry. Every state change happens in one transaction with its event
 * and its consequences ({@link Transitions}).
 */
@ApplicationScoped
public class TaskService {

    private final Db db;
    private final TaskRepository tasks;
    private final Transitions transitions;
    private final TaskDefaults defaults;
    private final ObjectMapper json;
    private final TaskRetries retries;

    public TaskService(Db db, TaskRepository tasks, Transitions transitions, TaskDefaults defaults, ObjectMapper json,
            TaskRetries retries) {
        this.db = db;
        this.tasks = tasks;
        this.transitions = transitions;
        this.retries = retries;
        this.defaults = defaults;
        this.json = json;
    }

    /** A created task, or, for a repeated idempotency key, the task the first request created. */
    public record Created(TaskView task, boolean replayed) {
    }

    /** Creates a task of {@code tenant}; {@code creator} is recorded as its creator ({@link Creator}). */
    public Uni<Created> create(UUID tenant, String creator, CreateTask request, String idempotencyKey) {
        NewTask task = newTask(tenant, creator, "", request,
                IdempotencyKeys.normalize(IdempotencyKeys.HEADER, idempotencyKey));
        if (request.workflowId() == null) {
            // One statement writes the task and its event and notifies claimers: atomic
            // on its own, so no transaction around it (two round trips fewer on the hottest path).
            return tasks.insert(db.pool(), task).chain(rows -> rows.isEmpty()
                    ? replay(db.pool(), tenant, task)
                    : Uni.createFrom().item(new Created(rows.get(0).view(), false)));
        }
        return db.tx(connection -> openWorkflow(connection, tenant, request.workflowId(), "workflowId")
                .chain(() -> tasks.insert(connection, task))
                .chain(rows -> rows.isEmpty()
                        ? replay(connection, tenant, task)
                        : transitions.consequences(connection, rows, new LinkedHashSet<>())
                                .map(ignored -> new Created(rows.get(0).view(), false))));
    }

    /**
     * Creates every task of a batch, answered in the order given, or none: a task that cannot be
     * created (its checks, its workflow, a key used for another task) refuses the whole batch, and
     * the problem names it ({@code tasks[i]}). Tasks of no workflow and without idempotency keys
     * are one statement; otherwise one transaction. Keys are given per task: an
     * {@code Idempotency-Key} header for the whole batch is refused rather than ignored.
     */
    public Uni<List<Created>> createAll(UUID tenant, String creator, List<BatchTask> items, String batchKey) {
        if (batchKey != null) {
            throw new BadRequest("Idempotency-Key",
                    "a batch takes a key per task (tasks[i].idempotencyKey), not one for the whole batch");
        }
        List<NewTask> batch = new ArrayList<>(items.size());
        Map<String, Integer> keys = new HashMap<>();
        Map<UUID, String> workflows = new TreeMap<>(); // locked in id order, so that batches never deadlock
        for (int i = 0; i < items.size(); i++) {
            String field = "tasks[" + i + "].";
            BatchTask item = items.get(i);
            String key = IdempotencyKeys.normalize(field + "idempotencyKey", item.idempotencyKey());
            Integer first = key == null ? null : keys.putIfAbsent(key, i);
            if (first != null) {
                throw new BadRequest(field + "idempotencyKey", "repeats the key of tasks[" + first + "]");
            }
            batch.add(newTask(tenant, creator, field + "task.", item.task(), key));
            if (item.task().workflowId() != null) {
                workflows.putIfAbsent(item.task().workflowId(), field + "task.workflowId");
            }
        }
        if (keys.isEmpty() && workflows.isEmpty()) {
            return tasks.insertBatch(db.pool(), tenant, creator, batch).map(rows -> answers(batch, rows, Map.of()));
        }
        return db.tx(connection -> {
            Uni<Void> opened = Uni.createFrom().voidItem();
            for (Map.Entry<UUID, String> workflow : workflows.entrySet()) {
                opened = opened.chain(() -> openWorkflow(connection, tenant, workflow.getKey(), workflow.getValue()));
            }
            return opened.chain(() -> tasks.insertBatch(connection, tenant, creator, batch))
                    .call(rows -> transitions.consequences(connection, rows, new LinkedHashSet<>()))
                    .chain(rows -> rows.size() == batch.size()
                            ? Uni.createFrom().item(answers(batch, rows, Map.of()))
                            : tasks.findByIdempotencyKeys(connection, tenant, List.copyOf(keys.keySet()))
                                    .map(earlier -> answers(batch, rows, earlier)));
        });
    }

    /** The batch's tasks in order: inserted now, or created earlier under the same key by the same request (else 409). */
    private static List<Created> answers(List<NewTask> batch, List<TaskRow> inserted,
            Map<String, TaskRepository.Keyed> earlier) {
        Map<UUID, TaskView> now = new HashMap<>();
        for (TaskRow row : inserted) {
            now.put(row.view().id(), row.view());
        }
        List<Created> answers = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            NewTask task = batch.get(i);
            TaskView created = now.get(task.id());
            answers.add(created != null
                    ? new Created(created, false)
                    : replayed("tasks[" + i + "].idempotencyKey", task, earlier.get(task.idempotencyKey())));
        }
        return answers;
    }

    public Uni<Page<TaskView>> list(UUID tenant, TaskFilter filter, PageParams page) {
        return tasks.page(db.pool(), tenant, filter, page.after(), page.limit() + 1)
                .map(rows -> Page.fromOverfetch(rows, page.limit(), row -> Cursor.of(row.view().id())).map(TaskRow::view));
    }

    /** The task with its history. */
    public Uni<TaskView> get(UUID tenant, UUID id) {
        return tasks.find(db.pool(), tenant, id)
                .onItem().ifNull().failWith(() -> new NotFound("task", id))
                .chain(row -> tasks.events(db.pool(), tenant, id).map(events -> row.view().withEvents(events)));
    }

    /**
     * PENDING and SCHEDULED tasks are cancelled at once; a RUNNING task is marked, and its agent
     * learns it from its next heartbeat. Cancelling again while that is pending changes nothing.
     */
    public Uni<TaskView> cancel(UUID tenant, UUID id, String by) {
        return db.tx(connection -> transitions.run(connection, TaskSql.CANCEL, Tuple.of(tenant, id, by))
                .chain(rows -> rows.isEmpty()
                        ? tasks.find(connection, tenant, id).map(row -> unchangedByCancel(id, row))
                        : Uni.createFrom().item(rows.get(0).view())));
    }

    /**
     * Starts a FAILED, DEAD or TIMED_OUT task again with a fresh set of attempts; a workflow's task
     * together with the dependents it cancelled ({@link TaskRetries}).
     */
    public Uni<TaskView> retry(UUID tenant, UUID id, String by) {
        return db.tx(connection -> transitions.run(connection, TaskSql.RETRY, Tuple.of(tenant, id, by))
                .chain(rows -> rows.isEmpty()
                        ? tasks.find(connection, tenant, id).chain(row -> {
                            if (row == null) {
                                throw new NotFound("task", id);
                            }
                            UUID workflow = row.view().workflowId();
                            if (workflow == null) {
                                throw new Conflict("Task " + id + " is " + row.view().status()
                                        + "; only FAILED, DEAD or TIMED_OUT tasks can be retried");
                            }
                            return TaskSql.lockWorkflowStatus(connection, tenant, workflow)
                                    .chain(status -> retries.retryTask(connection, tenant, workflow, status, id, by))
                                    .map(reset -> reset.stream().filter(task -> task.view().id().equals(id)).findFirst()
                                            .orElseThrow().view());
                        })
                        : Uni.createFrom().item(rows.get(0).view())));
    }

    private static TaskView unchangedByCancel(UUID id, TaskRow row) {
        if (row == null) {
            throw new NotFound("task", id);
        }
        if (row.view().status() == TaskStatus.RUNNING && row.view().cancelRequested()) {
            return row.view();
        }
        throw new Conflict(
                "Task " + id + " is " + row.view().status() + "; only PENDING, SCHEDULED or RUNNING tasks can be cancelled");
    }

    private Uni<Created> replay(SqlClient client, UUID tenant, NewTask task) {
        return tasks.findByIdempotencyKeys(client, tenant, List.of(task.idempotencyKey()))
                .map(earlier -> replayed(IdempotencyKeys.HEADER, task, earlier.get(task.idempotencyKey())));
    }

    /**
     * The task created earlier under {@code task}'s idempotency key (given as {@code field}), if the same request created it.
     */
    private static Created replayed(String field, NewTask task, TaskRepository.Keyed earlier) {
        if (earlier == null || !task.idempotencyHash().equals(earlier.hash())) {
            throw new Conflict(field + " '" + task.idempotencyKey() + "' was used for a different request");
        }
        return new Created(earlier.row().view(), true);
    }

    /** A task to insert as the API asked for it; {@code field} prefixes the names in errors. */
    private NewTask newTask(UUID tenant, String creator, String field, CreateTask request, String key) {
        if (request.runAt() != null && request.delay() != null) {
            throw new BadRequest(field + "delay", "give either runAt or delay, not both");
        }
        if (request.delay() != null && request.delay().isNegative()) {
            throw new BadRequest(field + "delay", "must not be negative");
        }
        TaskSpec spec = defaults.resolve(field, request.type(), request.payload(), request.priority(),
                request.requiredCapabilities(),
                request.timeout(), request.maxAttempts(), request.backoff());
        return new NewTask(Ids.next(), tenant, spec, request.runAt(), request.delay(), request.workflowId(), null, 0,
                key, key == null ? null : IdempotencyKeys.fingerprint(json, request), null, null, creator);
    }

    /** A task may join an existing workflow of the tenant that has not finished. */
    private Uni<Void> openWorkflow(SqlConnection connection, UUID tenant, UUID workflow, String field) {
        return TaskSql.lockWorkflowStatus(connection, tenant, workflow)
                .map(status -> {
                    if (status == null) {
                        throw new ProblemException(ProblemType.UNPROCESSABLE, field + ": no workflow " + workflow + " exists",
                                List.of(new Problem.FieldError(field, "no such workflow")));
                    }
                    if (List.of("SUCCEEDED", "FAILED", "CANCELLED").contains(status)) {
                        throw new Conflict(
                                field + ": workflow " + workflow + " is " + status + "; tasks cannot join it any more");
                    }
                    return null;
                });
    }
}

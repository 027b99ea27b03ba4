package dev.flotilla.task.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.task.task.TaskRepository;
import dev.flotilla.task.task.TaskRow;
import dev.flotilla.task.task.TaskStatus;
import dev.flotilla.task.task.TaskView;
import dev.flotilla.task.task.Transitions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an agent does with a task it holds: heartbeat (renews the lease, reports progress, learns of
 * cancellation), complete (one, or many at once) and fail. Each names the lease it holds; a lease that has expired (even
 * if the sweeper has not yet handed the task on) or been superseded by a later claim holds
 * nothing, and the call is refused with 409. The statements are {@link LeaseSql}'s.
 */
@ApplicationScoped
public class LeaseService {

    private final Db db;
    private final TaskRepository tasks;
    private final Transitions transitions;
    private final ObjectMapper json;

    public LeaseService(Db db, TaskRepository tasks, Transitions transitions, ObjectMapper json) {
        this.db = db;
        this.tasks = tasks;
        this.transitions = transitions;
        this.json = json;
    }

    public Uni<HeartbeatAnswer> heartbeat(UUID tenant, UUID task, TaskHeartbeat beat) {
        return LeaseSql.heartbeat(db.pool(), tenant, task, beat)
                .chain(row -> row == null
                        ? refuse(db.pool(), tenant, task, beat.leaseId()).replaceWith((HeartbeatAnswer) null)
                        : Uni.createFrom().item(new HeartbeatAnswer(row.getBoolean("cancel_requested"),
                                Db.instant(row, "lease_expires_at"))));
    }

    /**
     * Completes the attempt; repeating the call with the same lease answers the completed task again.
     * A task of no workflow is completed by one statement, atomic on its own; when that finds nothing
     * (a workflow's task, whose dependents follow in the same transaction, or a refusal or repeat),
     * the transaction below decides.
     */
    public Uni<TaskView> complete(UUID tenant, UUID task, CompleteTask completion) {
        return tasks.transition(db.pool(), LeaseSql.COMPLETE_STANDALONE, completeParams(tenant, task, completion))
                .chain(rows -> rows.isEmpty()
                        ? completeInTransaction(tenant, task, completion)
                        : Uni.createFrom().item(rows.get(0).view()));
    }

    /**
     * Completes each task as {@link #complete} would, answering an outcome per task in the order
     * given: the held tasks of no workflow in one statement, the others (a workflow's task, a
     * refusal, a repeat) one by one after it. A refused task does not stop the others. {@code field}
     * names the list in errors.
     */
    public Uni<Completions> completeAll(UUID tenant, String field, List<TaskCompletion> items) {
        return tasks.transition(db.pool(), LeaseSql.COMPLETE_BATCH, Tuple.of(tenant, completionBatch(field, items)))
                .chain(rows -> outcomes(tenant, items, rows));
    }

    /**
     * The completions as the JSON array {@link LeaseSql#COMPLETE_BATCH_OF} reads; a task named twice is
     * refused (400, {@code field[i].id}) before anything is done.
     */
    String completionBatch(String field, List<TaskCompletion> items) {
        Map<UUID, Integer> seen = new HashMap<>();
        ArrayNode batch = json.createArrayNode();
        for (int i = 0; i < items.size(); i++) {
            TaskCompletion item = items.get(i);
            Integer first = seen.putIfAbsent(item.id(), i);
            if (first != null) {
                throw new BadRequest(field + "[" + i + "].id", "repeats " + field + "[" + first + "].id");
            }
            ObjectNode row = batch.addObject().put("id", item.id().toString()).put("lease_id", item.leaseId().toString());
            if (item.result() != null) {
                row.set("result", item.result());
            }
        }
        return tasks.write(batch);
    }

    /**
     * The outcome of each item, in the order given, once {@link LeaseSql#COMPLETE_BATCH_OF} completed
     * {@code completed}: the others (a workflow's task, a refusal, a repeat) are completed, or
     * refused, one by one as {@link #complete} would.
     */
    Uni<Completions> outcomes(UUID tenant, List<TaskCompletion> items, List<TaskRow> completed) {
        Map<UUID, TaskView> views = new HashMap<>();
        for (TaskRow row : completed) {
            views.put(row.view().id(), row.view());
        }
        if (views.size() == items.size()) {
            return Uni.createFrom()
                    .item(new Completions(items.stream().map(item -> Completion.of(views.get(item.id()))).toList()));
        }
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> views.containsKey(item.id())
                        ? Uni.createFrom().item(Completion.of(views.get(item.id())))
                        : completeInTransaction(tenant, item.id(), new CompleteTask(item.leaseId(), item.result()))
                                .map(Completion::of)
                                .onFailure(ProblemException.class)
                                .recoverWithItem(refusal -> Completion.refused(item.id(), (ProblemException) refusal)))
                .collect().asList()
                .map(Completions::new);
    }

    private Tuple completeParams(UUID tenant, UUID task, CompleteTask completion) {
        return Tuple.of(tenant, task, completion.leaseId(), tasks.write(completion.result()));
    }

    private Uni<TaskView> completeInTransaction(UUID tenant, UUID task, CompleteTask completion) {
        return db.tx(connection -> transitions.run(connection, LeaseSql.COMPLETE_ANY, completeParams(tenant, task, completion))
                .chain(rows -> rows.isEmpty()
                        ? tasks.find(connection, tenant, task).map(row -> {
                            if (row != null && row.view().status() == TaskStatus.SUCCEEDED
                                    && completion.leaseId().equals(row.leaseId())) {
                                return row.view();
                            }
                            throw refusal(task, completion.leaseId(), row);
                        })
                        : Uni.createFrom().item(rows.get(0).view())));
    }

    public Uni<TaskView> fail(UUID tenant, UUID task, FailTask failure) {
        boolean retryable = failure.retryable() == null || failure.retryable();
        return db.tx(connection -> transitions.run(connection, LeaseSql.FAIL,
                Tuple.of(tenant, task, failure.leaseId(), retryable, failure.error()))
                .chain(rows -> rows.isEmpty()
                        ? refuse(connection, tenant, task, failure.leaseId())
                        : Uni.createFrom().item(rows.get(0).view())));
    }

    private Uni<TaskView> refuse(SqlClient client, UUID tenant, UUID task, UUID lease) {
        return tasks.find(client, tenant, task).map(row -> {
            throw refusal(task, lease, row);
        });
    }

    private static RuntimeException refusal(UUID task, UUID lease, TaskRow row) {
        if (row == null) {
            return new NotFound("task", task);
        }
        TaskView view = row.view();
        if (!lease.equals(row.leaseId())) {
            return new Conflict("Lease " + lease + " does not hold task " + task
                    + ": it is not the task's current lease (it expired and the task was claimed again, or it is another task's)");
        }
        if (view.status() == TaskStatus.RUNNING) {
            return new Conflict("The lease of task " + task + " expired at " + view.leaseExpiresAt()
                    + "; the task goes back to the queue");
        }
        return new Conflict("Task " + task + " is " + view.status() + "; lease " + lease + " no longer holds it");
    }
}

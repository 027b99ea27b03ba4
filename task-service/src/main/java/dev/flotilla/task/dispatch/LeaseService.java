package dev.flotilla.task.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.common.error.ProblemException;
import dev.flotilla.task.db.Db;
import dev.flotilla.task.task.TaskRepository;
import dev.flotilla.task.task.TaskRow;
import dev.flotilla.task.task.TaskStatus;
import dev.flotilla.task.task.TaskView;
import dev.flotilla.task.task.Transitions;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an agent does with a task it holds: heartbeat (renews the lease, reports progress, learns of
 * cancellation), complete (one, or many at once) and fail. Each names the lease it holds; a lease that has expired (even
 * if the sweeper has not yet handed the task on) or been superseded by a later claim holds
 * nothing, and the call is refused with 409.
 *
 * <p>Each statement finds the task by tenant and id alone, locks it, and checks the lease on the
 * locked row outside that lookup; {@code offset 0} keeps PostgreSQL from pushing the lease
 * conditions into it. Pushed in, they let the planner read the task through the lease index
 * rather than the primary key: {@code lease_expires_at > now()} looks almost empty to it (the
 * column's statistics always lag behind the clock), while that index holds every running task
 * and, until vacuum, the entries of every recently finished one.
 */
@ApplicationScoped
public class LeaseService {

    static final String HEARTBEAT = """
            with t as (update task.tasks t
                          set lease_expires_at = least(now() + t.lease_ms * interval '1 millisecond', coalesce(t.deadline_at, 'infinity')),
                              progress = coalesce($4::float8, t.progress), progress_message = coalesce($5::text, t.progress_message),
                              updated_at = now()
                         from (select * from task.tasks where tenant_id = $1 and id = $2 for update offset 0) p
                        where t.id = p.id and p.status = 'RUNNING' and p.lease_id = $3 and p.lease_expires_at > now()
                    returning t.agent_id, t.cancel_requested, t.lease_expires_at),
                 a as (update task.agents set last_heartbeat_at = now() where id in (select agent_id from t))
            select cancel_requested, lease_expires_at from t""";

    private static final String COMPLETE = """
            update task.tasks t
               set status = 'SUCCEEDED', result = $4::text::jsonb, progress = 1, lease_expires_at = null,
                   finished_at = now(), updated_at = now()
              from (select * from task.tasks where tenant_id = $1 and id = $2 for update offset 0) p
             where t.id = p.id and p.status = 'RUNNING' and p.lease_id = $3 and p.lease_expires_at > now() %s
            returning t.*, p.status as prev, 'completed'::text as reason, t.started_at as attempt_started_at""";

    /** Completes a task of no workflow, whose success has no consequences beyond its own row. */
    static final String COMPLETE_STANDALONE = COMPLETE.formatted("and p.workflow_id is null");

    private static final String COMPLETE_ANY = COMPLETE.formatted("");

    /**
     * Completes many held tasks of no workflow of tenant $1, from a JSON array (the parameter
     * {@code %s} names) of {@code {id, lease_id, result}} ({@link #completionBatch}); the tasks are locked
     * in id order, so that batches never deadlock. Each is looked up by its id (the lateral
     * subquery), its lease checked outside that lookup (see the class comment).
     */
    static final String COMPLETE_BATCH_OF = """
            update task.tasks t
               set status = 'SUCCEEDED', result = p.result, progress = 1, lease_expires_at = null,
                   finished_at = now(), updated_at = now()
              from (select x.id, x.status as prev, i.result
                      from (select * from jsonb_to_recordset(%s::text::jsonb) as r(id uuid, lease_id uuid, result jsonb)
                             order by id) i
                      cross join lateral (select * from task.tasks where tenant_id = $1 and id = i.id for update offset 0) x
                     where x.status = 'RUNNING' and x.lease_id = i.lease_id and x.lease_expires_at > now()
                       and x.workflow_id is null) p
             where t.id = p.id
            returning t.*, p.prev, 'completed'::text as reason, t.started_at as attempt_started_at""";

    static final String COMPLETE_BATCH = COMPLETE_BATCH_OF.formatted("$2");

    static final String FAIL = """
            update task.tasks t
               set status = p.next, error = $5, lease_expires_at = null, updated_at = now(),
                   run_at = case when p.next in ('SCHEDULED', 'PENDING') then now() + %1$s else t.run_at end,
                   finished_at = case when p.next in ('SCHEDULED', 'PENDING') then null else now() end
              from (select id, status as prev, lease_id, lease_expires_at,
                           case when cancel_requested then 'CANCELLED'
                                when not $4::boolean then 'FAILED'
                                when attempt >= max_attempts then 'DEAD'
                                else %2$s end as next
                      from task.tasks t
                     where tenant_id = $1 and id = $2
                     for update offset 0) p
             where t.id = p.id and p.prev = 'RUNNING' and p.lease_id = $3 and p.lease_expires_at > now()
            returning t.*, p.prev,
                      case p.next when 'CANCELLED' then 'cancelled: the agent stopped after cancellation was requested'
                                  when 'FAILED' then 'failed, not retryable: '
                                  when 'DEAD' then 'failed, no attempts left: '
                                  else 'failed, will retry: ' end
                      || case when p.next = 'CANCELLED' then '' else left($5, 500) end as reason,
                      t.started_at as attempt_started_at""".formatted(LeaseSql.BACKOFF, LeaseSql.REQUEUED);

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
        return db.pool().preparedQuery(HEARTBEAT)
                .execute(Tuple.from(Arrays.asList(tenant, task, beat.leaseId(), beat.progress(), beat.message())))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return refuse(db.pool(), tenant, task, beat.leaseId()).replaceWith((HeartbeatAnswer) null);
                    }
                    Row row = rows.iterator().next();
                    return Uni.createFrom().item(new HeartbeatAnswer(row.getBoolean("cancel_requested"), Db.instant(row, "lease_expires_at")));
                });
    }

    /**
     * Completes the attempt; repeating the call with the same lease answers the completed task again.
     * A task of no workflow is completed by one statement, atomic on its own; when that finds nothing
     * (a workflow's task, whose dependents follow in the same transaction, or a refusal or repeat),
     * the transaction below decides.
     */
    public Uni<TaskView> complete(UUID tenant, UUID task, CompleteTask completion) {
        return tasks.transition(db.pool(), COMPLETE_STANDALONE, completeParams(tenant, task, completion)).chain(rows -> rows.isEmpty()
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
        return tasks.transition(db.pool(), COMPLETE_BATCH, Tuple.of(tenant, completionBatch(field, items)))
                .chain(rows -> outcomes(tenant, items, rows));
    }

    /**
     * The completions as the JSON array {@link #COMPLETE_BATCH_OF} reads; a task named twice is
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
     * The outcome of each item, in the order given, once {@link #COMPLETE_BATCH_OF} completed
     * {@code completed}: the others (a workflow's task, a refusal, a repeat) are completed, or
     * refused, one by one as {@link #complete} would.
     */
    Uni<Completions> outcomes(UUID tenant, List<TaskCompletion> items, List<TaskRow> completed) {
        Map<UUID, TaskView> views = new HashMap<>();
        for (TaskRow row : completed) {
            views.put(row.view().id(), row.view());
        }
        if (views.size() == items.size()) {
            return Uni.createFrom().item(new Completions(items.stream().map(item -> Completion.of(views.get(item.id()))).toList()));
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
        return db.tx(connection -> transitions.run(connection, COMPLETE_ANY, completeParams(tenant, task, completion))
                .chain(rows -> rows.isEmpty()
                        ? tasks.find(connection, tenant, task).map(row -> {
                            if (row != null && row.view().status() == TaskStatus.SUCCEEDED && completion.leaseId().equals(row.leaseId())) {
                                return row.view();
                            }
                            throw refusal(task, completion.leaseId(), row);
                        })
                        : Uni.createFrom().item(rows.get(0).view())));
    }

    public Uni<TaskView> fail(UUID tenant, UUID task, FailTask failure) {
        boolean retryable = failure.retryable() == null || failure.retryable();
        return db.tx(connection -> transitions.run(connection, FAIL,
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
            return new Conflict("Lease " + lease + " does not hold task " + task + ": it is not the task's current lease (it expired and the task was claimed again, or it is another task's)");
        }
        if (view.status() == TaskStatus.RUNNING) {
            return new Conflict("The lease of task " + task + " expired at " + view.leaseExpiresAt()
                    + "; the task goes back to the queue");
        }
        return new Conflict("Task " + task + " is " + view.status() + "; lease " + lease + " no longer holds it");
    }
}

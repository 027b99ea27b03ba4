package dev.flotilla.task.dispatch;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.task.config.TaskConfig;
import dev.flotilla.task.db.Db;
import dev.flotilla.task.task.TaskRepository;
import dev.flotilla.task.task.TaskRow;
import dev.flotilla.task.task.TaskStatus;
import dev.flotilla.task.task.TaskView;
import dev.flotilla.task.task.Transitions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Hands claimable tasks to agents. One claim is one statement, atomic on its own: the agent's
 * heartbeat is refreshed, and up to {@code max} SCHEDULED tasks whose required capabilities the agent has are
 * locked with {@code FOR UPDATE SKIP LOCKED} (so concurrent claims never wait for, nor take, the
 * same task), moved to RUNNING under a fresh lease, recorded (its event), and the
 * workflows of claimed workflow tasks are rolled up (to RUNNING). When nothing is claimable the
 * claim long-polls: it waits for {@link TaskSignals} to announce new work for the tenant (or for
 * the wait to end) and tries once more. An agent may complete the tasks it finished in the same
 * call: those of no workflow in the same statement as its first claim, the others (a workflow's
 * task, a refusal, a repeat) one by one right after it, before any wait. One round trip to
 * PostgreSQL per batch of work.
 */
@ApplicationScoped
public class ClaimService {

    /**
     * Refreshes the agent's heartbeat and reads what the claim needs (runs even when nothing is
     * claimed); {@code %s} adds a further condition to its update.
     */
    private static final String AGENT_WHERE = """
            agent as (update task.agents set last_heartbeat_at = now()
                       where tenant_id = $1 and id = $2%s
                   returning lifecycle, capabilities), \
            """;

    static final String AGENT = AGENT_WHERE.formatted("");

    static final String CLAIM = """
            update task.tasks t
               set status = 'RUNNING', agent_id = $2, lease_id = gen_random_uuid(), lease_ms = $4, attempt = t.attempt + 1,
                   started_at = now(), updated_at = now(), progress = null, progress_message = null,
                   deadline_at = now() + t.timeout_ms * interval '1 millisecond',
                   lease_expires_at = least(now() + $4::bigint * interval '1 millisecond',
                                            coalesce(now() + t.timeout_ms * interval '1 millisecond', 'infinity'))
              from (select id, status as prev from task.tasks
                     where tenant_id = $1 and status = 'SCHEDULED'
                       and required_capabilities <@ (select capabilities::text[] from agent where lifecycle = 'ACTIVE')
                     order by priority desc, id
                     limit $3
                     for update skip locked) p
             where t.id = p.id
            returning t.*, p.prev, 'claimed'::text as reason, null::timestamptz as attempt_started_at""";

    /**
     * The roll-up of the workflows whose tasks were claimed ({@code changed} rows now RUNNING),
     * as {@link Transitions#rollUp} computes it: a workflow with a running task is RUNNING (or
     * CANCELLED once cancellation was requested) and not finished, whatever its other tasks; a
     * status change writes its workflow event. Workflows are locked in id order, after the tasks, as
     * every transaction that changes a workflow's task locks them.
     */
    private static final String ROLL_UP_CLAIMED = """
            wf as (update task.workflows w
                      set status = case when w.cancel_requested then 'CANCELLED' else 'RUNNING' end,
                          finished_at = null, updated_at = now()
                     from (select id, status as prev from task.workflows
                            where id in (select workflow_id from changed where status = 'RUNNING' and workflow_id is not null)
                            order by id for update) p
                    where w.id = p.id
                returning w.id, w.tenant_id, w.status, p.prev),
            wo as (insert into task.workflow_events (tenant_id, workflow_id, from_status, to_status)
                   select tenant_id, id, prev, status from wf where prev <> status), \
            """;

    /**
     * Completes first ({@code $5}, {@link LeaseService#COMPLETE_BATCH_OF}): the agent row is
     * locked only after the completed tasks (it waits for the count of {@code done}), the order
     * in which a task heartbeat locks them too.
     */
    private static final String COMPLETE_THEN_CLAIM = "done as (" + LeaseService.COMPLETE_BATCH_OF.formatted("$5") + "), "
            + AGENT_WHERE.formatted(" and (select count(*) from done) >= 0")
            + "claimed as (" + CLAIM + "), ";

    private static final String COMPLETED_AND_CLAIMED = "select * from done union all select * from claimed";

    private final Db db;
    private final TaskRepository tasks;
    private final TaskSignals signals;
    private final TaskConfig config;
    private final LeaseService leases;

    public ClaimService(Db db, TaskRepository tasks, TaskSignals signals, TaskConfig config, LeaseService leases) {
        this.db = db;
        this.tasks = tasks;
        this.signals = signals;
        this.config = config;
        this.leases = leases;
    }

    public Uni<Claims> claim(UUID tenant, UUID agent, ClaimRequest request) {
        TaskConfig.Dispatch dispatch = config.dispatch();
        int max = request.max() == null ? 1 : request.max();
        int wait = request.waitSeconds() == null ? 0 : request.waitSeconds();
        Duration lease = request.leaseSeconds() == null ? dispatch.lease() : Duration.ofSeconds(request.leaseSeconds());
        if (max > dispatch.maxClaim()) {
            throw new BadRequest("max", "must be at most " + dispatch.maxClaim());
        }
        if (wait > dispatch.maxWaitSeconds()) {
            throw new BadRequest("waitSeconds", "must be at most " + dispatch.maxWaitSeconds());
        }
        if (lease.compareTo(dispatch.maxLease()) > 0) {
            throw new BadRequest("leaseSeconds", "must be at most " + dispatch.maxLease().toSeconds());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(wait).toNanos();
        List<TaskCompletion> finished = request.complete();
        if (finished == null || finished.isEmpty()) {
            return attempt(tenant, agent, max, lease, deadline).map(rows -> new Claims(claimed(rows), null));
        }
        String batch = leases.completionBatch("complete", finished);
        long generation = signals.generation(tenant);
        Tuple params = Tuple.of(tenant, agent, max, lease.toMillis(), batch);
        return db.statement(pool -> tasks.transition(pool, COMPLETE_THEN_CLAIM, COMPLETED_AND_CLAIMED, ROLL_UP_CLAIMED, params))
                .chain(rows -> {
                    List<TaskRow> completed = new ArrayList<>();
                    List<TaskRow> claimed = new ArrayList<>();
                    for (TaskRow row : rows) {
                        (row.view().status() == TaskStatus.RUNNING ? claimed : completed).add(row);
                    }
                    return leases.outcomes(tenant, finished, completed)
                            .chain(outcomes -> (claimed.isEmpty() ? waitAndAttempt(tenant, agent, max, lease, deadline, generation)
                                    : Uni.createFrom().item(claimed))
                                    .map(held -> new Claims(claimed(held), outcomes.minimal().tasks())));
                });
    }

    private Uni<List<TaskRow>> attempt(UUID tenant, UUID agent, int max, Duration lease, long deadline) {
        long generation = signals.generation(tenant);
        return claimOnce(tenant, agent, max, lease).chain(rows -> rows.isEmpty()
                ? waitAndAttempt(tenant, agent, max, lease, deadline, generation)
                : Uni.createFrom().item(rows));
    }

    /** After a claim that got nothing: whether the agent may claim at all (404, 409), then the long poll. */
    private Uni<List<TaskRow>> waitAndAttempt(UUID tenant, UUID agent, int max, Duration lease, long deadline, long generation) {
        return mayClaim(tenant, agent).chain(() -> {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Uni.createFrom().item(List.<TaskRow>of());
            }
            return signals.await(tenant, generation, Duration.ofNanos(remaining))
                    .chain(() -> attempt(tenant, agent, max, lease, deadline));
        });
    }

    /** One statement refreshes the agent's heartbeat, claims, records and rolls up the claimed tasks' workflows. */
    private Uni<List<TaskRow>> claimOnce(UUID tenant, UUID agent, int max, Duration lease) {
        Tuple params = Tuple.of(tenant, agent, max, lease.toMillis());
        return db.statement(pool -> tasks.transition(pool, AGENT, CLAIM, ROLL_UP_CLAIMED, params));
    }

    private Uni<Void> mayClaim(UUID tenant, UUID agent) {
        return db.pool().preparedQuery("select lifecycle from task.agents where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenant, agent))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw new NotFound("agent", agent);
                    }
                    String lifecycle = rows.iterator().next().getString("lifecycle");
                    if (!"ACTIVE".equals(lifecycle)) {
                        throw new Conflict("Agent " + agent + " is " + lifecycle + " and claims no tasks");
                    }
                    return null;
                });
    }

    private static List<ClaimedTask> claimed(List<TaskRow> rows) {
        List<ClaimedTask> claimed = new ArrayList<>(rows.size());
        for (TaskRow row : rows) {
            TaskView task = row.view();
            claimed.add(new ClaimedTask(task.id(), row.leaseId(), task.leaseExpiresAt(), task.deadlineAt(), task.type(), task.payload(),
                    task.priority(), task.requiredCapabilities(), task.attempt(), task.maxAttempts(), task.workflowId()));
        }
        return claimed;
    }
}

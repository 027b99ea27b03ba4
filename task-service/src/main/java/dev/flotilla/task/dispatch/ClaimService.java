package dev.flotilla.task.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.flotilla.common.db.Db;
import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.task.config.TaskConfig;
import dev.flotilla.task.task.TaskRepository;
import dev.flotilla.task.task.TaskRow;
import dev.flotilla.task.task.TaskStatus;
import dev.flotilla.task.task.TaskView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * PostgreSQL per batch of work; a claimed workflow task's inputs (its dependencies' results) are
 * read in one more query, once the claim has committed.
 */
@ApplicationScoped
public class ClaimService {

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
            return attempt(tenant, agent, max, lease, deadline).chain(rows -> claimed(tenant, rows))
                    .map(tasks -> new Claims(tasks, null));
        }
        String batch = leases.completionBatch("complete", finished);
        long generation = signals.generation(tenant);
        Tuple params = Tuple.of(tenant, agent, max, lease.toMillis(), batch);
        return db.statement(pool -> tasks.transition(pool, ClaimSql.COMPLETE_THEN_CLAIM, ClaimSql.COMPLETED_AND_CLAIMED,
                ClaimSql.ROLL_UP_CLAIMED, params))
                .chain(rows -> {
                    List<TaskRow> completed = new ArrayList<>();
                    List<TaskRow> claimed = new ArrayList<>();
                    for (TaskRow row : rows) {
                        (row.view().status() == TaskStatus.RUNNING ? claimed : completed).add(row);
                    }
                    return leases.outcomes(tenant, finished, completed)
                            .chain(outcomes -> (claimed.isEmpty()
                                    ? waitAndAttempt(tenant, agent, max, lease, deadline, generation)
                                    : Uni.createFrom().item(claimed))
                                    .chain(held -> claimed(tenant, held))
                                    .map(held -> new Claims(held, outcomes.minimal().tasks())));
                });
    }

    private Uni<List<TaskRow>> attempt(UUID tenant, UUID agent, int max, Duration lease, long deadline) {
        long generation = signals.generation(tenant);
        return claimOnce(tenant, agent, max, lease).chain(rows -> rows.isEmpty()
                ? waitAndAttempt(tenant, agent, max, lease, deadline, generation)
                : Uni.createFrom().item(rows));
    }

    /** After a claim that got nothing: whether the agent may claim at all (404, 409), then the long poll. */
    private Uni<List<TaskRow>> waitAndAttempt(UUID tenant, UUID agent, int max, Duration lease, long deadline,
            long generation) {
        return mayClaim(tenant, agent).chain(() -> {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return Uni.createFrom().item(List.<TaskRow> of());
            }
            return signals.await(tenant, generation, Duration.ofNanos(remaining))
                    .chain(() -> attempt(tenant, agent, max, lease, deadline));
        });
    }

    /** One statement refreshes the agent's heartbeat, claims, records and rolls up the claimed tasks' workflows. */
    private Uni<List<TaskRow>> claimOnce(UUID tenant, UUID agent, int max, Duration lease) {
        Tuple params = Tuple.of(tenant, agent, max, lease.toMillis());
        return db.statement(pool -> tasks.transition(pool, ClaimSql.AGENT, ClaimSql.CLAIM, ClaimSql.ROLL_UP_CLAIMED, params));
    }

    private Uni<Void> mayClaim(UUID tenant, UUID agent) {
        return ClaimSql.lifecycle(db.pool(), tenant, agent)
                .map(lifecycle -> {
                    if (lifecycle == null) {
                        throw new NotFound("agent", agent);
                    }
                    if (!"ACTIVE".equals(lifecycle)) {
                        throw new Conflict("Agent " + agent + " is " + lifecycle + " and claims no tasks");
                    }
                    return null;
                });
    }

    /** The claimed tasks as their agent sees them; a workflow's with its dependencies' results, read after the claim. */
    private Uni<List<ClaimedTask>> claimed(UUID tenant, List<TaskRow> rows) {
        List<UUID> ofWorkflows = rows.stream().filter(row -> row.view().workflowId() != null).map(row -> row.view().id())
                .toList();
        Uni<Map<UUID, JsonNode>> inputs = ofWorkflows.isEmpty() ? Uni.createFrom().item(Map.of())
                : tasks.dependencyResults(db.pool(), tenant, ofWorkflows);
        return inputs.map(results -> {
            List<ClaimedTask> claimed = new ArrayList<>(rows.size());
            for (TaskRow row : rows) {
                TaskView task = row.view();
                JsonNode taskInputs = task.workflowId() == null ? null
                        : results.getOrDefault(task.id(), JsonNodeFactory.instance.objectNode());
                claimed.add(new ClaimedTask(task.id(), row.leaseId(), task.leaseExpiresAt(), task.deadlineAt(), task.type(),
                        task.payload(), task.priority(), task.requiredCapabilities(), task.attempt(), task.maxAttempts(),
                        task.workflowId(), taskInputs));
            }
            return claimed;
        });
    }
}

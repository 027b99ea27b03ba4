package dev.flotilla.task.dispatch;

import dev.flotilla.common.error.BadRequest;
import dev.flotilla.common.error.Conflict;
import dev.flotilla.common.error.NotFound;
import dev.flotilla.task.config.TaskConfig;
import dev.flotilla.task.db.Db;
import dev.flotilla.task.task.TaskRow;
import dev.flotilla.task.task.TaskView;
import dev.flotilla.task.task.Transitions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Hands claimable tasks to agents. One claim is one statement in one transaction: the agent's
 * heartbeat is refreshed, and up to {@code max} SCHEDULED tasks whose required capabilities the agent has are
 * locked with {@code FOR UPDATE SKIP LOCKED} (so concurrent claims never wait for, nor take, the
 * same task), moved to RUNNING under a fresh lease, and recorded. When nothing is claimable the
 * claim long-polls: it waits for {@link TaskSignals} to announce new work for the tenant (or for
 * the wait to end) and tries once more. An agent may complete the tasks it finished in the same
 * call, before its next ones are claimed: one round trip per batch of work instead of two.
 */
@ApplicationScoped
public class ClaimService {

    /** Refreshes the agent's heartbeat and reads what the claim needs; runs even when nothing is claimed. */
    private static final String AGENT = """
            agent as (update task.agents set last_heartbeat_at = now()
                       where tenant_id = $1 and id = $2
                   returning lifecycle, capabilities), \
            """;

    private static final String CLAIM = """
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

    private final Db db;
    private final Transitions transitions;
    private final TaskSignals signals;
    private final TaskConfig config;
    private final LeaseService leases;

    public ClaimService(Db db, Transitions transitions, TaskSignals signals, TaskConfig config, LeaseService leases) {
        this.db = db;
        this.transitions = transitions;
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
        Duration waiting = Duration.ofSeconds(wait);
        if (request.complete() == null || request.complete().isEmpty()) {
            return claimed(tenant, agent, max, lease, waiting, null);
        }
        return leases.completeAll(tenant, "complete", request.complete())
                .chain(done -> claimed(tenant, agent, max, lease, waiting,
                        done.minimal().tasks()));
    }

    private Uni<Claims> claimed(UUID tenant, UUID agent, int max, Duration lease, Duration wait, List<Completion> completions) {
        long deadline = System.nanoTime() + wait.toNanos();
        return attempt(tenant, agent, max, lease, deadline)
                .map(rows -> new Claims(rows.stream().map(ClaimService::claimed).toList(), completions));
    }

    private Uni<List<TaskRow>> attempt(UUID tenant, UUID agent, int max, Duration lease, long deadline) {
        long generation = signals.generation(tenant);
        return db.tx(connection -> claimOnce(connection, tenant, agent, max, lease)).chain(rows -> {
            long remaining = deadline - System.nanoTime();
            if (!rows.isEmpty() || remaining <= 0) {
                return Uni.createFrom().item(rows);
            }
            return signals.await(tenant, generation, Duration.ofNanos(remaining))
                    .chain(() -> attempt(tenant, agent, max, lease, deadline));
        });
    }

    /** One statement refreshes the agent's heartbeat and claims; only a claim that got nothing asks why. */
    private Uni<List<TaskRow>> claimOnce(SqlConnection connection, UUID tenant, UUID agent, int max, Duration lease) {
        return transitions.run(connection, AGENT, CLAIM, Tuple.of(tenant, agent, max, lease.toMillis()))
                .call(rows -> rows.isEmpty() ? mayClaim(connection, tenant, agent) : Uni.createFrom().voidItem());
    }

    private Uni<Void> mayClaim(SqlConnection connection, UUID tenant, UUID agent) {
        return connection.preparedQuery("select lifecycle from task.agents where tenant_id = $1 and id = $2")
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

    private static ClaimedTask claimed(TaskRow row) {
        TaskView task = row.view();
        return new ClaimedTask(task.id(), row.leaseId(), task.leaseExpiresAt(), task.deadlineAt(), task.type(), task.payload(),
                task.priority(), task.requiredCapabilities(), task.attempt(), task.maxAttempts(), task.workflowId());
    }
}

package dev.flotilla.task.dispatch;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.Arrays;
import java.util.UUID;

/**
 * The statements of an agent holding a task ({@link LeaseService}: heartbeat, complete, fail) and
 * the SQL fragments shared by the statements that end an attempt.
 *
 * <p>
 * Each statement finds the task by tenant and id alone, locks it, and checks the lease on the
 * locked row outside that lookup; {@code offset 0} keeps PostgreSQL from pushing the lease
 * conditions into it. Pushed in, they let the planner read the task through the lease index
 * rather than the primary key: {@code lease_expires_at > now()} looks almost empty to it (the
 * column's statistics always lag behind the clock), while that index holds every running task
 * and, until vacuum, the entries of every recently finished one.
 */
final class LeaseSql {

    /** The back-off before the next attempt: exponential, capped, with up to half taken off at random. */
    static final String BACKOFF = "least(t.backoff_max_ms, t.backoff_initial_ms * power(t.backoff_multiplier, greatest(t.attempt - 1, 0)))"
            + " * (0.5 + random() * 0.5) * interval '1 millisecond'";

    /** The state a task goes back to for another attempt: claimable at once without back-off, else waiting. */
    static final String REQUEUED = "case when t.backoff_initial_ms = 0 then 'SCHEDULED' else 'PENDING' end";

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

    /** Completes any task, a workflow's included (whose consequences follow in the same transaction). */
    static final String COMPLETE_ANY = COMPLETE.formatted("");

    /**
     * Completes many held tasks of no workflow of tenant $1, from a JSON array (the parameter
     * {@code %s} names) of {@code {id, lease_id, result}} ({@link LeaseService#completionBatch}); the
     * tasks are locked in id order, so that batches never deadlock. Each is looked up by its id (the
     * lateral subquery), its lease checked outside that lookup (see the class comment).
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
                      t.started_at as attempt_started_at""".formatted(BACKOFF, REQUEUED);

    private LeaseSql() {
    }

    /**
     * Renews the lease of the tenant's task and records the progress and the holding agent's sign
     * of life; the row of {@code cancel_requested} and {@code lease_expires_at}, or null when the
     * lease holds nothing (any more).
     */
    static Uni<Row> heartbeat(SqlClient client, UUID tenant, UUID task, TaskHeartbeat beat) {
        return client.preparedQuery(HEARTBEAT)
                .execute(Tuple.from(Arrays.asList(tenant, task, beat.leaseId(), beat.progress(), beat.message())))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next());
    }
}

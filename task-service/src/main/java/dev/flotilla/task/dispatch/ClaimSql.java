package dev.flotilla.task.dispatch;

import dev.flotilla.task.task.TaskRepository;
import dev.flotilla.task.task.Transitions;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.UUID;

/**
 * The statements of a claim ({@link ClaimService}), each a part of the one statement
 * {@link TaskRepository#transition} runs: the agent's heartbeat and what the claim needs of it, the
 * claim itself, the roll-up of the claimed tasks' workflows, and completions before the claim.
 * Their parameters: $1 tenant, $2 agent, $3 most tasks, $4 lease in milliseconds, $5 completions.
 */
final class ClaimSql {

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
    static final String ROLL_UP_CLAIMED = """
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
     * Completes first ({@code $5}, {@link LeaseSql#COMPLETE_BATCH_OF}): the agent row is
     * locked only after the completed tasks (it waits for the count of {@code done}), the order
     * in which a task heartbeat locks them too.
     */
    static final String COMPLETE_THEN_CLAIM = "done as (" + LeaseSql.COMPLETE_BATCH_OF.formatted("$5") + "), "
            + AGENT_WHERE.formatted(" and (select count(*) from done) >= 0")
            + "claimed as (" + CLAIM + "), ";

    static final String COMPLETED_AND_CLAIMED = "select * from done union all select * from claimed";

    private ClaimSql() {
    }

    /** The lifecycle of the tenant's agent, or null when there is no such agent. */
    static Uni<String> lifecycle(SqlClient client, UUID tenant, UUID agent) {
        return client.preparedQuery("select lifecycle from task.agents where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tenant, agent))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("lifecycle"));
    }
}

package dev.flotilla.task.agent;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The statements about agents that read the task queue, through the reactive pool: the running
 * tasks whose cancellation an agent's heartbeat answers, and the attempts its metrics count.
 * The registry itself is {@link AgentRepository}'s.
 */
final class AgentSql {

    /**
     * The attempts agent $2 of tenant $1 ended since $3: completed, failed, cancelled, the p50 and
     * p95 duration of the successful ones; with its tasks in flight and whether the agent exists.
     */
    private static final String ATTEMPTS = """
            select count(*) filter (where to_status = 'SUCCEEDED') as completed,
                   count(*) filter (where to_status not in ('SUCCEEDED', 'CANCELLED')) as failed,
                   count(*) filter (where to_status = 'CANCELLED') as cancelled,
                   percentile_cont(0.5) within group (order by extract(epoch from at - attempt_started_at) * 1000)
                       filter (where to_status = 'SUCCEEDED') as p50,
                   percentile_cont(0.95) within group (order by extract(epoch from at - attempt_started_at) * 1000)
                       filter (where to_status = 'SUCCEEDED') as p95,
                   (select count(*) from task.tasks t
                     where t.tenant_id = $1 and t.agent_id = $2 and t.status = 'RUNNING') as in_flight,
                   exists (select 1 from task.agents a where a.tenant_id = $1 and a.id = $2) as known
              from task.task_events
             where tenant_id = $1 and agent_id = $2 and from_status = 'RUNNING' and to_status <> 'RUNNING'
               and at >= $3""";

    private AgentSql() {
    }

    /** The agent's RUNNING tasks whose cancellation was requested, in id order. */
    static Uni<List<UUID>> cancelRequested(SqlClient client, UUID tenant, UUID agent) {
        return client.preparedQuery("select id from task.tasks where tenant_id = $1 and agent_id = $2 and status = 'RUNNING'"
                + " and cancel_requested order by id")
                .execute(Tuple.of(tenant, agent))
                .map(rows -> {
                    List<UUID> cancel = new ArrayList<>();
                    for (Row row : rows) {
                        cancel.add(row.getUUID("id"));
                    }
                    return cancel;
                });
    }

    /** The row of {@link #ATTEMPTS} (it always has one). */
    static Uni<Row> attempts(SqlClient client, UUID tenant, UUID agent, OffsetDateTime since) {
        return client.preparedQuery(ATTEMPTS).execute(Tuple.of(tenant, agent, since)).map(rows -> rows.iterator().next());
    }
}

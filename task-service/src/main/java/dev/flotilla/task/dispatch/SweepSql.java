package dev.flotilla.task.dispatch;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * The statements of {@link LeaseSweeper}, which span tenants: rows are taken with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas share the work instead of repeating it.
 */
final class SweepSql {

    /** Ends up to $1 attempts whose lease expired, oldest expiry first. */
    static final String EXPIRE = """
            update task.tasks t
               set status = p.next, lease_expires_at = null, updated_at = now(),
                   run_at = case when p.next in ('SCHEDULED', 'PENDING') then now() + %1$s else t.run_at end,
                   finished_at = case when p.next in ('SCHEDULED', 'PENDING') then null else now() end,
                   error = case when p.next = 'TIMED_OUT' then 'the attempt ran past its timeout' else t.error end
              from (select id, status as prev,
                           case when cancel_requested then 'CANCELLED'
                                when deadline_at <= now() then 'TIMED_OUT'
                                when attempt >= max_attempts then 'DEAD'
                                else %2$s end as next
                      from task.tasks t
                     where status = 'RUNNING' and lease_expires_at <= now()
                     order by lease_expires_at
                     limit $1
                     for update skip locked) p
             where t.id = p.id
            returning t.*, p.prev,
                      case p.next when 'CANCELLED' then 'lease expired after cancellation was requested'
                                  when 'TIMED_OUT' then 'timed out'
                                  when 'DEAD' then 'lease expired; no attempts left'
                                  else 'lease expired' end as reason,
                      t.started_at as attempt_started_at""".formatted(LeaseSql.BACKOFF, LeaseSql.REQUEUED);

    /** Makes up to $1 due PENDING tasks whose dependencies have succeeded SCHEDULED, the longest due first. */
    static final String PROMOTE = """
            update task.tasks t set status = 'SCHEDULED', updated_at = now()
              from (select id, status as prev from task.tasks
                     where status = 'PENDING' and deps_pending = 0 and run_at <= now()
                     order by run_at
                     limit $1
                     for update skip locked) p
             where t.id = p.id
            returning t.*, p.prev, 'due'::text as reason, null::timestamptz as attempt_started_at""";

    private static final String DRAINED = """
            update task.agents a set lifecycle = 'INACTIVE', updated_at = now()
             where lifecycle = 'DRAINING'
               and not exists (select 1 from task.tasks t
                                where t.tenant_id = a.tenant_id and t.agent_id = a.id and t.status = 'RUNNING')""";

    private SweepSql() {
    }

    /** Makes DRAINING agents that hold no running task INACTIVE; answers how many. */
    static Uni<Integer> finishDraining(SqlClient client) {
        return client.preparedQuery(DRAINED).execute().map(rows -> rows.rowCount());
    }
}

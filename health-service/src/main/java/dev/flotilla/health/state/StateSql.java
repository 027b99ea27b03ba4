package dev.flotilla.health.state;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The statements over {@code target_states}, each scoped to a tenant. */
final class StateSql {

    /**
     * The result's effect on the target's row: a new status starts {@code since} and its run of failures or successes
     * anew. Nothing when the target was deleted while it was checked.
     */
    private static final String RECORD = """
            insert into health.target_states as s (tenant_id, target_id, status, since, last_result_at, last_failure,
                                                   consecutive_failures, consecutive_successes, impacted)
            select $1, $2, $3, $4, $4, $5, case when $3 = 'DOWN' then 1 else 0 end, case when $3 = 'UP' then 1 else 0 end, $6
             where exists (select 1 from health.targets where tenant_id = $1 and id = $2)
            on conflict (tenant_id, target_id) do update
               set since = case when s.status = excluded.status then s.since else excluded.since end,
                   status = excluded.status,
                   last_result_at = excluded.last_result_at,
                   last_failure = coalesce(excluded.last_failure, s.last_failure),
                   consecutive_failures = case when excluded.status = 'DOWN' then s.consecutive_failures + 1 else 0 end,
                   consecutive_successes = case when excluded.status = 'UP' then s.consecutive_successes + 1 else 0 end,
                   impacted = excluded.impacted
            returning tenant_id, target_id, status, since, last_result_at, last_failure, consecutive_failures,
                      consecutive_successes, impacted""";

    /**
     * The targets of tenant $1 named $2 that are down, and, through their own dependencies, those they are down
     * because of: the roots whose incidents cover a target that depends on them.
     */
    private static final String DOWN_DEPENDENCIES = """
            with recursive down (id, depends_on, depth) as (
                select t.id, t.depends_on, 1 from health.targets t
                  join health.target_states s on s.tenant_id = t.tenant_id and s.target_id = t.id
                 where t.tenant_id = $1 and t.name = any($2) and s.status = 'DOWN'
                union
                select t.id, t.depends_on, d.depth + 1 from down d
                  join health.targets t on t.tenant_id = $1 and t.name = any(d.depends_on)
                  join health.target_states s on s.tenant_id = t.tenant_id and s.target_id = t.id
                 where s.status = 'DOWN' and d.depth < 16
            )
            select distinct id from down""";

    private StateSql() {
    }

    static Uni<TargetState> record(SqlClient tx, UUID tenant, UUID target, String status, Instant at, String failure,
            boolean impacted) {
        return tx.preparedQuery(RECORD)
                .execute(Tuple.from(Arrays.asList(tenant, target, status, Db.ts(at), failure, impacted)))
                .map(rows -> SqlResults.firstRow(rows, StateSql::state));
    }

    static Uni<List<UUID>> downDependencies(SqlClient tx, UUID tenant, List<String> names) {
        return tx.preparedQuery(DOWN_DEPENDENCIES).execute(Tuple.of(tenant, names.toArray(String[]::new))).map(rows -> {
            List<UUID> ids = new ArrayList<>(rows.size());
            rows.forEach(row -> ids.add(row.getUUID("id")));
            return ids;
        });
    }

    private static TargetState state(Row row) {
        return new TargetState(row.getUUID("tenant_id"), row.getUUID("target_id"), row.getString("status"),
                Db.instant(row, "since"), Db.instant(row, "last_result_at"), row.getString("last_failure"),
                row.getInteger("consecutive_failures"), row.getInteger("consecutive_successes"), row.getBoolean("impacted"));
    }
}

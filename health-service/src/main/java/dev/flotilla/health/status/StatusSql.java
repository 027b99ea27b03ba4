package dev.flotilla.health.status;

import dev.flotilla.common.db.Db;
import dev.flotilla.health.registry.Target;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The status page's one read: the tenant's and the platform's targets with their states and open incidents. */
final class StatusSql {

    private static final String TARGETS = """
            select t.tenant_id, t.id, t.name, t.group_name, t.enabled, s.status, s.impacted, s.since, s.last_result_at,
                   s.last_failure, i.id as incident_id
              from health.targets t
              left join health.target_states s on s.tenant_id = t.tenant_id and s.target_id = t.id
              left join health.incidents i on i.tenant_id = t.tenant_id and i.target_id = t.id and i.resolved_at is null
             where t.tenant_id in ($1, $2)
             order by t.tenant_id, t.name""";

    private StatusSql() {
    }

    static Uni<List<TargetStatus>> targets(SqlClient client, UUID tenant) {
        return client.preparedQuery(TARGETS).execute(Tuple.of(Target.PLATFORM, tenant)).map(rows -> {
            List<TargetStatus> targets = new ArrayList<>(rows.size());
            rows.forEach(row -> {
                String status = row.getString("status");
                String state = status == null ? TargetStatus.UNKNOWN
                        : "DOWN".equals(status) && row.getBoolean("impacted") ? TargetStatus.IMPACTED : status;
                targets.add(new TargetStatus(row.getUUID("id"), row.getString("name"), row.getString("group_name"),
                        Target.PLATFORM.equals(row.getUUID("tenant_id")), row.getBoolean("enabled"), state,
                        Db.instant(row, "since"), Db.instant(row, "last_result_at"), row.getString("last_failure"),
                        row.getUUID("incident_id"), null, null, null, null));
            });
            return targets;
        });
    }
}

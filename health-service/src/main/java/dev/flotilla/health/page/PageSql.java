package dev.flotilla.health.page;

import dev.flotilla.common.db.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What a status page reads: the targets it shows with their states, and their incidents. */
final class PageSql {

    /** A target seen on a page, with its state (null status: not checked yet). */
    record Shown(UUID tenant, UUID id, String name, String group, Instant createdAt, String status, boolean impacted,
            Instant since, Instant checkedAt) {
    }

    /** An incident of a target on a page, with one update of it (null when it has none): a row per update. */
    record IncidentRow(UUID id, UUID target, String targetName, String status, String reason, Instant openedAt,
            Instant resolvedAt, UUID updateId, String updateStatus, String body, Instant updateAt) {
    }

    /**
     * The enabled targets of tenant $1 in the groups $2 (all when empty), and the platform's ($3) when $4, by group and
     * name, each with its state.
     */
    private static final String SHOWN = """
            select t.tenant_id, t.id, t.name, t.group_name, t.created_at, s.status, s.impacted, s.since, s.last_result_at
              from health.targets t
              left join health.target_states s on s.tenant_id = t.tenant_id and s.target_id = t.id
             where t.enabled
               and ((t.tenant_id = $1 and (cardinality($2::text[]) = 0 or t.group_name = any($2)))
                    or ($4 and t.tenant_id = $3))
             order by t.group_name nulls first, t.name""";

    /**
     * The incidents of the targets ($1[i], $2[i]) open now or opened since $3, newest first, each with its updates
     * newest first.
     */
    private static final String INCIDENTS = """
            select i.id, i.target_id, t.name, i.status, i.reason, i.opened_at, i.resolved_at,
                   u.id as update_id, u.status as update_status, u.body, u.at as update_at
              from unnest($1::uuid[], $2::uuid[]) as shown (tenant_id, target_id)
              join health.incidents i on i.tenant_id = shown.tenant_id and i.target_id = shown.target_id
              join health.targets t on t.tenant_id = i.tenant_id and t.id = i.target_id
              left join health.incident_updates u on u.tenant_id = i.tenant_id and u.incident_id = i.id
             where i.resolved_at is null or i.opened_at >= $3
             order by i.opened_at desc, i.id, u.at desc""";

    private PageSql() {
    }

    static Uni<List<Shown>> shown(SqlClient client, UUID tenant, List<String> groups, UUID platform, boolean includePlatform) {
        return client.preparedQuery(SHOWN)
                .execute(Tuple.of(tenant, groups.toArray(String[]::new), platform, includePlatform))
                .map(rows -> {
                    List<Shown> shown = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        shown.add(new Shown(row.getUUID("tenant_id"), row.getUUID("id"), row.getString("name"),
                                row.getString("group_name"), Db.instant(row, "created_at"), row.getString("status"),
                                Boolean.TRUE.equals(row.getBoolean("impacted")), Db.instant(row, "since"),
                                Db.instant(row, "last_result_at")));
                    }
                    return shown;
                });
    }

    static Uni<List<IncidentRow>> incidents(SqlClient client, List<Shown> shown, Instant since) {
        return client.preparedQuery(INCIDENTS)
                .execute(Tuple.of(shown.stream().map(Shown::tenant).toArray(UUID[]::new),
                        shown.stream().map(Shown::id).toArray(UUID[]::new), Db.ts(since)))
                .map(rows -> {
                    List<IncidentRow> incidents = new ArrayList<>(rows.size());
                    rows.forEach(row -> incidents.add(new IncidentRow(row.getUUID("id"), row.getUUID("target_id"),
                            row.getString("name"), row.getString("status"), row.getString("reason"),
                            Db.instant(row, "opened_at"), Db.instant(row, "resolved_at"), row.getUUID("update_id"),
                            row.getString("update_status"), row.getString("body"), Db.instant(row, "update_at"))));
                    return incidents;
                });
    }
}

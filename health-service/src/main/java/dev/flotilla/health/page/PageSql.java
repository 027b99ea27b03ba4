package dev.flotilla.health.page;

import dev.flotilla.common.db.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What a status page reads: the targets it shows with their newest result and since when it has held. */
final class PageSql {

    /** A target seen on a page, with its newest result (null status: not checked yet). */
    record Shown(UUID tenant, UUID id, String name, String group, Instant createdAt, String status, Instant checkedAt,
            Integer latencyMs) {
    }

    /**
     * The enabled targets of tenant $1 in the groups $2 (all when empty), and the platform's ($3) when $4, by group and
     * name, each with its newest result.
     */
    private static final String SHOWN = """
            select t.tenant_id, t.id, t.name, t.group_name, t.created_at, r.status, r.at, r.latency_ms
              from health.targets t
              left join lateral (select status, at, latency_ms from health.results
                                  where tenant_id = t.tenant_id and target_id = t.id
                                  order by at desc limit 1) r on true
             where t.enabled
               and ((t.tenant_id = $1 and (cardinality($2::text[]) = 0 or t.group_name = any($2)))
                    or ($4 and t.tenant_id = $3))
             order by t.group_name nulls first, t.name""";

    /** Since when each target ($1, $2: tenants and ids) has had its newest status: the first result after another. */
    private static final String SINCE = """
            select s.target_id, min(s.at) as since
              from unnest($1::uuid[], $2::uuid[], $3::text[]) as shown (tenant_id, target_id, status)
              join lateral (select r.target_id, r.at from health.results r
                             where r.tenant_id = shown.tenant_id and r.target_id = shown.target_id
                               and r.at > coalesce((select max(at) from health.results o
                                                     where o.tenant_id = shown.tenant_id and o.target_id = shown.target_id
                                                       and o.status <> shown.status), '-infinity')) s on true
             group by s.target_id""";

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
                                Db.instant(row, "at"), row.getInteger("latency_ms")));
                    }
                    return shown;
                });
    }

    static Uni<Map<UUID, Instant>> since(SqlClient client, List<Shown> checked) {
        return client.preparedQuery(SINCE)
                .execute(Tuple.of(checked.stream().map(Shown::tenant).toArray(UUID[]::new),
                        checked.stream().map(Shown::id).toArray(UUID[]::new),
                        checked.stream().map(Shown::status).toArray(String[]::new)))
                .map(rows -> {
                    Map<UUID, Instant> since = new HashMap<>();
                    rows.forEach(row -> since.put(row.getUUID("target_id"), Db.instant(row, "since")));
                    return since;
                });
    }
}

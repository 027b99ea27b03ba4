package dev.flotilla.health.registry;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The statements over {@code targets}. A tenant reads its own targets and the platform's; it changes only its own. The
 * checker's claim is {@code check.CheckSql}'s.
 */
public final class TargetSql {

    /** The columns {@link #target(Row)} reads. */
    public static final String COLUMNS = "tenant_id, id, name, group_name, kind, url, method, headers, body, interval_ms,"
            + " timeout_ms, conditions, depends_on, source, enabled, created_at, updated_at, version";

    /** The defining columns, in the order {@link #definition} gives their values from $3 on. */
    private static final String DEFINITION = "name, group_name, kind, url, method, headers, body, interval_ms, timeout_ms,"
            + " conditions, depends_on, enabled, source";

    /** A new target, due at once ($16). */
    private static final String INSERT = """
            insert into health.targets (tenant_id, id, %s, created_at, updated_at, next_check_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $16)
            returning %s""".formatted(DEFINITION, COLUMNS);

    /**
     * A target of the file or the suite, by tenant and name: created, or replaced (also one made through the API) when
     * anything of it differs, then due at $17; left as it is when nothing does.
     */
    private static final String UPSERT = """
            insert into health.targets as t (tenant_id, id, %s, created_at, updated_at, next_check_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16, $17)
            on conflict (tenant_id, name) do update
               set group_name = excluded.group_name, kind = excluded.kind, url = excluded.url, method = excluded.method,
                   headers = excluded.headers, body = excluded.body, interval_ms = excluded.interval_ms,
                   timeout_ms = excluded.timeout_ms, conditions = excluded.conditions, depends_on = excluded.depends_on,
                   enabled = excluded.enabled, source = excluded.source, updated_at = excluded.updated_at,
                   next_check_at = excluded.next_check_at, version = t.version + 1
             where (t.group_name, t.kind, t.url, t.method, t.headers, t.body, t.interval_ms, t.timeout_ms, t.conditions,
                    t.depends_on, t.enabled, t.source)
                   is distinct from
                   (excluded.group_name, excluded.kind, excluded.url, excluded.method, excluded.headers, excluded.body,
                    excluded.interval_ms, excluded.timeout_ms, excluded.conditions, excluded.depends_on, excluded.enabled,
                    excluded.source)""".formatted(DEFINITION);

    /** The targets of source $1 that are not among ($2[i], $3[i]) (tenant, name): no longer in the file or settings. */
    private static final String DELETE_SOURCE_EXCEPT = """
            delete from health.targets t
             where source = $1
               and not exists (select 1 from unnest($2::uuid[], $3::text[]) as kept (tenant_id, name)
                                where kept.tenant_id = t.tenant_id and kept.name = t.name)""";

    private static final String FIND = """
            select %s from health.targets where id = $2 and tenant_id in ($1, $3)""".formatted(COLUMNS);

    private static final String FIND_FOR_UPDATE = FIND + " for update";

    /** The platform's targets, then the tenant's, each by id; $4/$5 the position after which the page starts. */
    private static final String PAGE = """
            select %s from health.targets
             where tenant_id in ($1, $2)
               and ($3::uuid is null or (tenant_id, id) > ($3, $4))
             order by tenant_id, id
             limit $5""".formatted(COLUMNS);

    /** Replaces the definition; the target is due at once ($15). */
    private static final String UPDATE = """
            update health.targets
               set name = $3, group_name = $4, kind = $5, url = $6, method = $7, headers = $8, body = $9,
                   interval_ms = $10, timeout_ms = $11, conditions = $12, depends_on = $13, enabled = $14,
                   updated_at = $15, next_check_at = $15, version = version + 1
             where tenant_id = $1 and id = $2
            returning %s""".formatted(COLUMNS);

    private static final String DELETE = "delete from health.targets where tenant_id = $1 and id = $2";

    private TargetSql() {
    }

    static Uni<Target> insert(SqlClient client, UUID tenant, UUID id, TargetSpec spec, TargetSource source, Instant now) {
        return client.preparedQuery(INSERT).execute(definition(tenant, id, spec, source, now))
                .map(rows -> SqlResults.firstRow(rows, TargetSql::target));
    }

    static Uni<Void> upsert(SqlClient client, UUID tenant, UUID id, TargetSpec spec, TargetSource source, Instant now,
            Instant due) {
        return client.preparedQuery(UPSERT).execute(definition(tenant, id, spec, source, now).addValue(Db.ts(due)))
                .replaceWithVoid();
    }

    /** Deletes the targets of {@code source} but those named by {@code kept} (tenant and name); answers how many. */
    static Uni<Integer> deleteAllBut(SqlClient client, TargetSource source, List<Map.Entry<UUID, String>> kept) {
        UUID[] tenants = kept.stream().map(Map.Entry::getKey).toArray(UUID[]::new);
        String[] names = kept.stream().map(Map.Entry::getValue).toArray(String[]::new);
        return client.preparedQuery(DELETE_SOURCE_EXCEPT).execute(Tuple.of(source.text(), tenants, names))
                .map(rows -> rows.rowCount());
    }

    /** The target {@code id} of the tenant or the platform, or null. */
    static Uni<Target> find(SqlClient client, UUID tenant, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, id, Target.PLATFORM))
                .map(rows -> SqlResults.firstRow(rows, TargetSql::target));
    }

    /** As {@link #find}, locked for a change in the transaction {@code tx}. */
    static Uni<Target> findForUpdate(SqlClient tx, UUID tenant, UUID id) {
        return tx.preparedQuery(FIND_FOR_UPDATE).execute(Tuple.of(tenant, id, Target.PLATFORM))
                .map(rows -> SqlResults.firstRow(rows, TargetSql::target));
    }

    static Uni<List<Target>> page(SqlClient client, UUID tenant, UUID afterTenant, UUID afterId, int limit) {
        return client.preparedQuery(PAGE)
                .execute(Tuple.from(Arrays.asList(Target.PLATFORM, tenant, afterTenant, afterId, limit)))
                .map(rows -> {
                    List<Target> targets = new ArrayList<>(rows.size());
                    rows.forEach(row -> targets.add(target(row)));
                    return targets;
                });
    }

    static Uni<Target> update(SqlClient tx, UUID tenant, UUID id, TargetSpec spec, Instant now) {
        return tx.preparedQuery(UPDATE)
                .execute(Tuple.from(Arrays.asList(tenant, id, spec.name(), spec.group(), spec.kind().text(), spec.url(),
                        spec.method(), new JsonObject(new LinkedHashMap<>(spec.headers())), spec.body(),
                        spec.interval().toMillis(), spec.timeout().toMillis(), spec.conditions().toArray(String[]::new),
                        spec.dependsOn().toArray(String[]::new), spec.enabled(), Db.ts(now))))
                .map(rows -> SqlResults.firstRow(rows, TargetSql::target));
    }

    static Uni<Void> delete(SqlClient tx, UUID tenant, UUID id) {
        return tx.preparedQuery(DELETE).execute(Tuple.of(tenant, id)).replaceWithVoid();
    }

    private static Tuple definition(UUID tenant, UUID id, TargetSpec spec, TargetSource source, Instant now) {
        return Tuple.from(Arrays.asList(tenant, id, spec.name(), spec.group(), spec.kind().text(), spec.url(), spec.method(),
                new JsonObject(new LinkedHashMap<>(spec.headers())), spec.body(), spec.interval().toMillis(),
                spec.timeout().toMillis(), spec.conditions().toArray(String[]::new), spec.dependsOn().toArray(String[]::new),
                spec.enabled(), source.text(), Db.ts(now)));
    }

    /** A target from a row of {@link #COLUMNS}. */
    public static Target target(Row row) {
        JsonObject headers = row.getJsonObject("headers");
        Map<String, String> headerMap = new LinkedHashMap<>();
        headers.forEach(entry -> headerMap.put(entry.getKey(), String.valueOf(entry.getValue())));
        TargetSpec spec = new TargetSpec(row.getString("name"), row.getString("group_name"),
                TargetKind.valueOf(row.getString("kind").toUpperCase(Locale.ROOT)), row.getString("url"),
                row.getString("method"), headerMap, row.getString("body"), Duration.ofMillis(row.getLong("interval_ms")),
                Duration.ofMillis(row.getLong("timeout_ms")), List.of(row.getArrayOfStrings("conditions")),
                List.of(row.getArrayOfStrings("depends_on")), row.getBoolean("enabled"));
        return new Target(row.getUUID("tenant_id"), row.getUUID("id"), spec, TargetSource.of(row.getString("source")),
                Db.instant(row, "created_at"), Db.instant(row, "updated_at"), row.getInteger("version"));
    }
}

package dev.flotilla.health.incident;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.health.registry.Target;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The statements over {@code incidents} and {@code incident_updates}. A tenant reads its own incidents and the
 * platform's. The reminder scan and the count of open incidents cross tenants: they are the service's own jobs.
 */
final class IncidentSql {

    private static final String COLUMNS = "i.tenant_id, i.id, i.target_id, t.name, t.group_name, i.status, i.reason,"
            + " i.opened_at, i.resolved_at, i.in_maintenance, i.impacted, i.alerted_at";

    private static final String OPEN_ID = """
            select id from health.incidents where tenant_id = $1 and target_id = $2 and resolved_at is null""";

    /** Nothing when the target has an open incident already (the partial unique index). */
    private static final String OPEN = """
            insert into health.incidents (tenant_id, id, target_id, status, reason, opened_at, in_maintenance, alerted_at)
            values ($1, $2, $3, 'investigating', $4, $5, $6, $7)
            on conflict (tenant_id, target_id) where resolved_at is null do nothing""";

    private static final String ADD_UPDATE = """
            insert into health.incident_updates (tenant_id, incident_id, id, at, kind, status, body, author)
            values ($1, $2, $3, $4, $5, $6, $7, $8)""";

    /** Resolves the target's open incident, if any. */
    private static final String RESOLVE_OPEN = """
            update health.incidents i set status = 'resolved', resolved_at = $3
              from health.targets t
             where i.tenant_id = $1 and i.target_id = $2 and i.resolved_at is null
               and t.tenant_id = i.tenant_id and t.id = i.target_id
            returning %s""".formatted(COLUMNS);

    /** Lists the target $3 on the open incidents of the targets $2. */
    private static final String ADD_IMPACTED = """
            update health.incidents set impacted = array_append(impacted, $3)
             where tenant_id = $1 and target_id = any($2) and resolved_at is null and not ($3 = any(impacted))""";

    private static final String FIND = """
            select %s from health.incidents i join health.targets t on t.tenant_id = i.tenant_id and t.id = i.target_id
             where i.tenant_id in ($1, $3) and i.id = $2""".formatted(COLUMNS);

    private static final String FIND_FOR_UPDATE = FIND + " for update of i";

    /** Newest first, open ($3 'open'), resolved ($3 'resolved') or both; $4 the id after which the page starts. */
    private static final String PAGE = """
            select %s from health.incidents i join health.targets t on t.tenant_id = i.tenant_id and t.id = i.target_id
             where i.tenant_id in ($1, $2)
               and ($3::text is null or ($3 = 'open') = (i.resolved_at is null))
               and ($4::uuid is null or i.id < $4)
             order by i.id desc
             limit $5""".formatted(COLUMNS);

    private static final String UPDATES = """
            select id, at, kind, status, body, author from health.incident_updates
             where tenant_id = $1 and incident_id = $2 order by at, id""";

    private static final String SET_STATUS = """
            update health.incidents set status = $3, resolved_at = $4 where tenant_id = $1 and id = $2""";

    /** After a manual resolution the target has to fail the threshold again to open a new incident. */
    private static final String RESET_FAILURES = """
            update health.target_states set consecutive_failures = 0 where tenant_id = $1 and target_id = $2""";

    /** Open, alerted incidents whose last alert is older than $2, marked alerted now ($1); at most $3. */
    private static final String DUE_REMINDERS = """
            with due as (
                select tenant_id as due_tenant, id as due_id from health.incidents
                 where resolved_at is null and alerted_at <= $2
                 order by alerted_at
                 limit $3
                 for update skip locked
            )
            update health.incidents i set alerted_at = $1
              from due, health.targets t
             where i.tenant_id = due_tenant and i.id = due_id and t.tenant_id = i.tenant_id and t.id = i.target_id
            returning %s""".formatted(COLUMNS);

    private static final String COUNT_OPEN = """
            select tenant_id = $1 as platform, count(*) as n from health.incidents where resolved_at is null
             group by 1""";

    private IncidentSql() {
    }

    static Uni<UUID> openId(SqlClient tx, UUID tenant, UUID target) {
        return tx.preparedQuery(OPEN_ID).execute(Tuple.of(tenant, target))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("id"));
    }

    /** Answers whether it was opened. */
    static Uni<Boolean> open(SqlClient tx, UUID tenant, UUID id, UUID target, String reason, Instant at,
            boolean inMaintenance, boolean alerted) {
        return tx.preparedQuery(OPEN).execute(Tuple.from(Arrays.asList(tenant, id, target, reason, Db.ts(at), inMaintenance,
                alerted ? Db.ts(at) : null))).map(rows -> rows.rowCount() > 0);
    }

    static Uni<Void> addUpdate(SqlClient tx, UUID tenant, UUID incident, IncidentUpdate update) {
        return tx.preparedQuery(ADD_UPDATE).execute(Tuple.from(Arrays.asList(tenant, incident, update.id(),
                Db.ts(update.at()), update.kind(), update.status(), update.body(), update.author()))).replaceWithVoid();
    }

    static Uni<Incident> resolveOpen(SqlClient tx, UUID tenant, UUID target, Instant at) {
        return tx.preparedQuery(RESOLVE_OPEN).execute(Tuple.of(tenant, target, Db.ts(at)))
                .map(rows -> SqlResults.firstRow(rows, IncidentSql::incident));
    }

    static Uni<Void> addImpacted(SqlClient tx, UUID tenant, List<UUID> roots, String name) {
        return tx.preparedQuery(ADD_IMPACTED).execute(Tuple.of(tenant, roots.toArray(UUID[]::new), name))
                .replaceWithVoid();
    }

    static Uni<Incident> find(SqlClient client, UUID tenant, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, id, Target.PLATFORM))
                .map(rows -> SqlResults.firstRow(rows, IncidentSql::incident));
    }

    static Uni<Incident> findForUpdate(SqlClient tx, UUID tenant, UUID id) {
        return tx.preparedQuery(FIND_FOR_UPDATE).execute(Tuple.of(tenant, id, Target.PLATFORM))
                .map(rows -> SqlResults.firstRow(rows, IncidentSql::incident));
    }

    static Uni<List<Incident>> page(SqlClient client, UUID tenant, String status, UUID before, int limit) {
        return client.preparedQuery(PAGE)
                .execute(Tuple.from(Arrays.asList(Target.PLATFORM, tenant, status, before, limit)))
                .map(IncidentSql::incidents);
    }

    static Uni<List<IncidentUpdate>> updates(SqlClient client, UUID tenant, UUID incident) {
        return client.preparedQuery(UPDATES).execute(Tuple.of(tenant, incident)).map(rows -> {
            List<IncidentUpdate> updates = new ArrayList<>(rows.size());
            rows.forEach(row -> updates.add(new IncidentUpdate(row.getUUID("id"), Db.instant(row, "at"),
                    row.getString("kind"), row.getString("status"), row.getString("body"), row.getString("author"))));
            return updates;
        });
    }

    static Uni<Void> setStatus(SqlClient tx, UUID tenant, UUID id, String status, Instant resolvedAt) {
        return tx.preparedQuery(SET_STATUS).execute(Tuple.from(Arrays.asList(tenant, id, status, Db.ts(resolvedAt))))
                .replaceWithVoid();
    }

    static Uni<Void> resetFailures(SqlClient tx, UUID tenant, UUID target) {
        return tx.preparedQuery(RESET_FAILURES).execute(Tuple.of(tenant, target)).replaceWithVoid();
    }

    static Uni<List<Incident>> dueReminders(SqlClient tx, Instant now, Instant alertedBefore, int limit) {
        return tx.preparedQuery(DUE_REMINDERS).execute(Tuple.of(Db.ts(now), Db.ts(alertedBefore), limit))
                .map(IncidentSql::incidents);
    }

    /** Open incidents: of the platform (true) and of tenants (false). */
    static Uni<Map<Boolean, Long>> countOpen(SqlClient client) {
        return client.preparedQuery(COUNT_OPEN).execute(Tuple.of(Target.PLATFORM)).map(rows -> {
            Map<Boolean, Long> counts = new HashMap<>(Map.of(true, 0L, false, 0L));
            rows.forEach(row -> counts.put(row.getBoolean("platform"), row.getLong("n")));
            return counts;
        });
    }

    private static List<Incident> incidents(RowSet<Row> rows) {
        List<Incident> incidents = new ArrayList<>(rows.size());
        rows.forEach(row -> incidents.add(incident(row)));
        return incidents;
    }

    private static Incident incident(Row row) {
        return new Incident(row.getUUID("tenant_id"), row.getUUID("id"), row.getUUID("target_id"), row.getString("name"),
                row.getString("group_name"), row.getString("status"), row.getString("reason"),
                Db.instant(row, "opened_at"), Db.instant(row, "resolved_at"), row.getBoolean("in_maintenance"),
                List.of(row.getArrayOfStrings("impacted")), row.getValue("alerted_at") != null);
    }
}

package dev.flotilla.config.revision;

import dev.flotilla.common.db.Db;
import dev.flotilla.config.entry.StoredState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The statements that read a namespace's revisions, each scoped to a tenant. Revisions never change once written. */
final class RevisionSql {

    private static final String REVISION_COLUMNS = "r.number, r.kind, r.author, r.message, r.rolled_back_to, r.created_at";

    /** Newest first, below $3; $4 and $5: only revisions that changed that key and layer (null: any). */
    private static final String PAGE = """
            select n.id as namespace_id, n.last_index, %s
              from config.namespaces n
              left join lateral (
                    select * from config.revisions r
                     where r.tenant_id = n.tenant_id and r.namespace_id = n.id and r.number < $3
                       and (($4::text is null and $5::text is null) or exists (
                            select 1 from config.revision_changes c
                             where c.tenant_id = r.tenant_id and c.namespace_id = r.namespace_id and c.number = r.number
                               and ($4::text is null or c.key = $4) and ($5::text is null or c.env = $5)))
                     order by r.number desc
                     limit $6) r on true
             where n.tenant_id = $1 and n.name = $2
             order by r.number desc""".formatted(REVISION_COLUMNS);

    private static final String CHANGES = """
            select number, key, env, action, before::text as before, after::text as after
              from config.revision_changes
             where tenant_id = $1 and namespace_id = $2 and number = any($3)
             order by number desc, key, env""";

    private static final String FIND = """
            select n.id as namespace_id, n.last_index, %s,
                   c.number as change_number, c.key, c.env, c.action, c.before::text as before, c.after::text as after
              from config.namespaces n
              left join config.revisions r on r.tenant_id = n.tenant_id and r.namespace_id = n.id and r.number = $3
              left join config.revision_changes c
                on c.tenant_id = r.tenant_id and c.namespace_id = r.namespace_id and c.number = r.number
             where n.tenant_id = $1 and n.name = $2
             order by c.key, c.env""".formatted(REVISION_COLUMNS);

    /**
     * Each entry changed by a revision in ($3, $4], with its state at revision $5 and at revision $6: the state the
     * latest change at or below it left (none: absent).
     */
    private static final String STATES = """
            with touched as (
                select distinct key, env from config.revision_changes
                 where tenant_id = $1 and namespace_id = $2 and number > $3 and number <= $4)
            select t.key, t.env,
                   (select c.after::text from config.revision_changes c
                     where c.tenant_id = $1 and c.namespace_id = $2 and c.key = t.key and c.env = t.env and c.number <= $5
                     order by c.number desc limit 1) as state_from,
                   (select c.after::text from config.revision_changes c
                     where c.tenant_id = $1 and c.namespace_id = $2 and c.key = t.key and c.env = t.env and c.number <= $6
                     order by c.number desc limit 1) as state_to
              from touched t
             order by t.key, t.env""";

    private RevisionSql() {
    }

    /** Up to {@code limit} revisions below {@code before}, newest first; null when the namespace does not exist. */
    static Uni<History> page(SqlClient client, UUID tenant, String namespace, long before, String key, String env,
            int limit) {
        return client.preparedQuery(PAGE).execute(Tuple.from(Arrays.asList(tenant, namespace, before, key, env, limit)))
                .map(rows -> history(rows, false));
    }

    static Uni<List<ChangeRow>> changes(SqlClient client, UUID tenant, UUID namespace, Long[] numbers) {
        return client.preparedQuery(CHANGES).execute(Tuple.of(tenant, namespace, numbers)).map(rows -> {
            List<ChangeRow> changes = new ArrayList<>(rows.size());
            rows.forEach(row -> changes.add(change(row, "number")));
            return changes;
        });
    }

    /** The revision and its changes (no revision when there is none of that number); null without the namespace. */
    static Uni<History> find(SqlClient client, UUID tenant, String namespace, long number) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, namespace, number)).map(rows -> history(rows, true));
    }

    static Uni<List<StatePair>> states(SqlClient client, UUID tenant, UUID namespace, long from, long to) {
        return client.preparedQuery(STATES)
                .execute(Tuple.from(Arrays.asList(tenant, namespace, Math.min(from, to), Math.max(from, to), from, to)))
                .map(rows -> {
                    List<StatePair> pairs = new ArrayList<>(rows.size());
                    rows.forEach(row -> pairs.add(new StatePair(row.getString("key"), row.getString("env"),
                            StoredState.fromJson(row.getString("state_from")),
                            StoredState.fromJson(row.getString("state_to")))));
                    return pairs;
                });
    }

    private static History history(RowSet<Row> rows, boolean withChanges) {
        if (rows.size() == 0) {
            return null;
        }
        UUID namespaceId = null;
        long index = 0;
        List<RevisionRow> revisions = new ArrayList<>();
        List<ChangeRow> changes = new ArrayList<>();
        for (Row row : rows) {
            namespaceId = row.getUUID("namespace_id");
            index = row.getLong("last_index");
            Long number = row.getLong("number");
            if (number != null && (revisions.isEmpty() || revisions.get(revisions.size() - 1).number() != number)) {
                revisions.add(new RevisionRow(number, row.getString("kind"), row.getString("author"), row.getString("message"),
                        row.getLong("rolled_back_to"), Db.instant(row, "created_at")));
            }
            if (withChanges && row.getString("key") != null) {
                changes.add(change(row, "change_number"));
            }
        }
        return new History(namespaceId, index, revisions, changes);
    }

    private static ChangeRow change(Row row, String numberColumn) {
        return new ChangeRow(row.getLong(numberColumn), row.getString("key"), row.getString("env"), row.getString("action"),
                StoredState.fromJson(row.getString("before")), StoredState.fromJson(row.getString("after")));
    }
}

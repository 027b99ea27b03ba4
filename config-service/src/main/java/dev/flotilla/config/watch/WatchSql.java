package dev.flotilla.config.watch;

import dev.flotilla.common.db.Db;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The statements of watches, each scoped to a tenant: the change notification, and the reads of namespaces and of
 * their revision history that watchers make.
 */
final class WatchSql {

    /** The channel every change of a namespace's entries is announced on: {@code tenant/namespaceId/index}. */
    static final String CHANNEL = "flotilla_config_entries";

    private static final String NOTIFY = "select pg_notify($1, $2)";

    private static final String NAMESPACE = "select id from config.namespaces where tenant_id = $1 and name = $2";
    private static final String INDEX = "select last_index from config.namespaces where tenant_id = $1 and id = $2";

    /** Keys with a change in ($3, $4] of the default layer or of the environment $5. */
    private static final String CHANGED = """
            select distinct key from config.revision_changes
             where tenant_id = $1 and namespace_id = $2 and number > $3 and number <= $4 and env in ('', $5)""";

    /** The namespace's index, and up to $5 revisions after $3 that touched the default layer or the environment $4. */
    private static final String REVISIONS = """
            select n.last_index, r.number, r.kind, r.author, r.created_at, r.keys
              from config.namespaces n
              left join lateral (
                    select r.number, r.kind, r.author, r.created_at, c.keys
                      from config.revisions r
                      cross join lateral (
                            select json_agg(json_build_object('key', c.key, 'env', nullif(c.env, ''), 'action', c.action)
                                            order by c.key, c.env)::text as keys
                              from config.revision_changes c
                             where c.tenant_id = r.tenant_id and c.namespace_id = r.namespace_id and c.number = r.number
                               and c.env in ('', $4)) c
                     where r.tenant_id = n.tenant_id and r.namespace_id = n.id and r.number > $3 and c.keys is not null
                     order by r.number
                     limit $5) r on true
             where n.tenant_id = $1 and n.id = $2
             order by r.number""";

    /** The namespace's index when read, and the revisions read after the position asked for. */
    record Revisions(long index, List<RevisionEvent> events) {
    }

    private WatchSql() {
    }

    static Uni<Void> notify(SqlClient client, UUID tenant, UUID namespace, long index) {
        return client.preparedQuery(NOTIFY).execute(Tuple.of(CHANNEL, tenant + "/" + namespace + "/" + index))
                .replaceWithVoid();
    }

    /** The id of the tenant's namespace of that name, or null. */
    static Uni<UUID> namespace(SqlClient client, UUID tenant, String name) {
        return client.preparedQuery(NAMESPACE).execute(Tuple.of(tenant, name))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID("id"));
    }

    /** The namespace's index, or null when it no longer exists. */
    static Uni<Long> index(SqlClient client, UUID tenant, UUID namespace) {
        return client.preparedQuery(INDEX).execute(Tuple.of(tenant, namespace))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("last_index"));
    }

    /** The keys a revision after {@code after} and up to {@code upTo} changed in the default layer or in {@code env}. */
    static Uni<Set<String>> changed(SqlClient client, UUID tenant, UUID namespace, long after, long upTo, String env) {
        return client.preparedQuery(CHANGED).execute(Tuple.of(tenant, namespace, after, upTo, env)).map(rows -> {
            Set<String> keys = new LinkedHashSet<>();
            rows.forEach(row -> keys.add(row.getString("key")));
            return keys;
        });
    }

    /** Up to {@code limit} revisions after {@code after} touching the default layer or {@code env}; null for no namespace. */
    static Uni<Revisions> revisions(SqlClient client, UUID tenant, UUID namespace, long after, String env, int limit) {
        return client.preparedQuery(REVISIONS).execute(Tuple.of(tenant, namespace, after, env, limit))
                .map(WatchSql::revisions);
    }

    private static Revisions revisions(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return null;
        }
        long index = 0;
        List<RevisionEvent> events = new ArrayList<>(rows.size());
        for (Row row : rows) {
            index = row.getLong("last_index");
            if (row.getLong("number") != null) {
                List<ChangedKey> keys = new ArrayList<>();
                for (Object key : new JsonArray(row.getString("keys"))) {
                    JsonObject change = (JsonObject) key;
                    keys.add(new ChangedKey(change.getString("key"), change.getString("env"), change.getString("action")));
                }
                events.add(new RevisionEvent(row.getLong("number"), row.getString("kind"), keys, row.getString("author"),
                        Db.instant(row, "created_at")));
            }
        }
        return new Revisions(index, events);
    }
}

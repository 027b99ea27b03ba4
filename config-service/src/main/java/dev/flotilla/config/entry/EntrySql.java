package dev.flotilla.config.entry;

import dev.flotilla.common.db.Db;
import dev.flotilla.config.secret.Sealed;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The statements over {@code entries}, each scoped to a tenant. Reads take the namespace's index in the same
 * statement, so an answer and its {@code X-Flotilla-Index} are of one snapshot.
 */
final class EntrySql {

    private static final String COLUMNS = """
            e.key, e.env, e.type, e.value::text as value, e.sealed, e.key_id, e.schema::text as schema, e.description,
            e.revision, e.created_at, e.updated_by, e.updated_at""";

    private static final String KEY_LAYERS = """
            select n.id as namespace_id, n.last_index, %s
              from config.namespaces n
              left join config.entries e
                on e.tenant_id = n.tenant_id and e.namespace_id = n.id and e.key = $3 and e.env in ('', $4)
             where n.tenant_id = $1 and n.name = $2""".formatted(COLUMNS);

    private static final String LAYERS = """
            select n.id as namespace_id, n.last_index, %s
              from config.namespaces n
              left join config.entries e on e.tenant_id = n.tenant_id and e.namespace_id = n.id and e.env in ('', $3)
             where n.tenant_id = $1 and n.name = $2
             order by e.key, e.env""".formatted(COLUMNS);

    /** $3: one environment's layer ('' the default), or null for every layer; after ($4, $5) in (key, env) order. */
    private static final String PAGE = """
            select n.id as namespace_id, n.last_index, %s
              from config.namespaces n
              left join lateral (
                    select * from config.entries e
                     where e.tenant_id = n.tenant_id and e.namespace_id = n.id and ($3::text is null or e.env = $3)
                       and (e.key, e.env) > ($4, $5)
                     order by e.key, e.env
                     limit $6) e on true
             where n.tenant_id = $1 and n.name = $2
             order by e.key, e.env""".formatted(COLUMNS);

    private static final String CURRENT = "select " + COLUMNS
            + " from config.entries e where e.tenant_id = $1 and e.namespace_id = $2 and e.key = $3 and e.env = $4";

    private static final String UPSERT = """
            insert into config.entries as e (tenant_id, namespace_id, key, env, type, value, sealed, key_id, schema,
                                             description, revision, created_at, updated_by, updated_at)
            values ($1, $2, $3, $4, $5, $6::text::json, $7, $8, $9::text::json, $10, $11, $12, $13, $12)
            on conflict (tenant_id, namespace_id, key, env) do update
               set type = excluded.type, value = excluded.value, sealed = excluded.sealed, key_id = excluded.key_id,
                   schema = excluded.schema, description = excluded.description, revision = excluded.revision,
                   updated_by = excluded.updated_by, updated_at = excluded.updated_at
            returning e.created_at""";

    private static final String DELETE = """
            delete from config.entries where tenant_id = $1 and namespace_id = $2 and key = $3 and env = $4""";

    private EntrySql() {
    }

    /** The key's entry in {@code env} and in the default; null when the namespace does not exist. */
    static Uni<Layers> keyLayers(SqlClient client, UUID tenant, String namespace, String key, String env) {
        return client.preparedQuery(KEY_LAYERS).execute(Tuple.of(tenant, namespace, key, env)).map(EntrySql::layers);
    }

    /** Every entry of {@code env} and of the default, by key; null when the namespace does not exist. */
    static Uni<Layers> layers(SqlClient client, UUID tenant, String namespace, String env) {
        return client.preparedQuery(LAYERS).execute(Tuple.of(tenant, namespace, env)).map(EntrySql::layers);
    }

    /** Up to {@code limit} entries after ({@code afterKey}, {@code afterEnv}); null when the namespace does not exist. */
    static Uni<Layers> page(SqlClient client, UUID tenant, String namespace, String env, String afterKey, String afterEnv,
            int limit) {
        return client.preparedQuery(PAGE)
                .execute(Tuple.from(Arrays.asList(tenant, namespace, env, afterKey, afterEnv, limit)))
                .map(EntrySql::layers);
    }

    static Uni<EntryRow> current(SqlClient client, UUID tenant, UUID namespace, String key, String env) {
        return client.preparedQuery(CURRENT).execute(Tuple.of(tenant, namespace, key, env))
                .map(rows -> rows.size() == 0 ? null : row(rows.iterator().next()));
    }

    /** Writes {@code row} (its creation time aside); the entry's creation time, kept from before when it existed. */
    static Uni<Instant> upsert(SqlClient client, UUID tenant, UUID namespace, EntryRow row) {
        StoredState state = row.state();
        Sealed sealed = state.sealed();
        return client.preparedQuery(UPSERT)
                .execute(Tuple.from(Arrays.asList(tenant, namespace, row.key(), row.env(), state.type().wire(),
                        EntryJson.write(state.value()), sealed == null ? null : Buffer.buffer(sealed.bytes()).getDelegate(),
                        sealed == null ? null : sealed.keyId(), EntryJson.write(state.schema()), state.description(),
                        row.revision(), Db.ts(row.updatedAt()), row.updatedBy())))
                .map(rows -> Db.instant(rows.iterator().next(), "created_at"));
    }

    static Uni<Void> delete(SqlClient client, UUID tenant, UUID namespace, String key, String env) {
        return client.preparedQuery(DELETE).execute(Tuple.of(tenant, namespace, key, env)).replaceWithVoid();
    }

    private static Layers layers(RowSet<Row> rows) {
        if (rows.size() == 0) {
            return null;
        }
        UUID namespaceId = null;
        long index = 0;
        List<EntryRow> entries = new ArrayList<>(rows.size());
        for (Row row : rows) {
            namespaceId = row.getUUID("namespace_id");
            index = row.getLong("last_index");
            if (row.getString("key") != null) {
                entries.add(row(row));
            }
        }
        return new Layers(namespaceId, index, entries);
    }

    private static EntryRow row(Row row) {
        Buffer sealed = row.getBuffer("sealed");
        StoredState state = new StoredState(EntryType.parse("type", row.getString("type")),
                EntryJson.read(row.getString("value")),
                sealed == null ? null : new Sealed(row.getString("key_id"), sealed.getBytes()),
                EntryJson.read(row.getString("schema")), row.getString("description"));
        return new EntryRow(row.getString("key"), row.getString("env"), state, row.getLong("revision"),
                Db.instant(row, "created_at"), row.getString("updated_by"), Db.instant(row, "updated_at"));
    }
}

package dev.flotilla.config.namespace;

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

/** The statements over {@code namespaces}, each scoped to a tenant. */
public final class NamespaceSql {

    private static final String COLUMNS = "name, description, created_by, created_at, last_index, requires_approval";

    private static final String INSERT = """
            insert into config.namespaces (id, tenant_id, name, description, created_by, created_at)
            values ($1, $2, $3, $4, $5, $6)""";

    private static final String FIND = "select " + COLUMNS + " from config.namespaces where tenant_id = $1 and name = $2";

    private static final String PAGE = "select " + COLUMNS
            + " from config.namespaces where tenant_id = $1 and name > $2 order by name limit $3";

    /** $3: the index the caller saw, or null for any. */
    private static final String DELETE = """
            delete from config.namespaces where tenant_id = $1 and name = $2 and ($3::bigint is null or last_index = $3)""";

    private static final String ADVANCE = """
            update config.namespaces set last_index = last_index + 1 where tenant_id = $1 and name = $2
            returning id, last_index""";

    private static final String REQUIRE_APPROVAL = "update config.namespaces set requires_approval = $3"
            + " where tenant_id = $1 and name = $2 returning " + COLUMNS;

    private static final String APPROVAL = "select id, requires_approval from config.namespaces where tenant_id = $1 and name = $2";

    private NamespaceSql() {
    }

    static Uni<Void> insert(SqlClient client, UUID id, UUID tenant, String name, String description, String createdBy,
            Instant at) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.from(Arrays.asList(id, tenant, name, description, createdBy, Db.ts(at)))).replaceWithVoid();
    }

    static Uni<NamespaceView> find(SqlClient client, UUID tenant, String name) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, name))
                .map(rows -> SqlResults.firstRow(rows, NamespaceSql::view));
    }

    static Uni<List<NamespaceView>> page(SqlClient client, UUID tenant, String after, int limit) {
        return client.preparedQuery(PAGE).execute(Tuple.of(tenant, after, limit)).map(rows -> {
            List<NamespaceView> views = new ArrayList<>(rows.size());
            rows.forEach(row -> views.add(view(row)));
            return views;
        });
    }

    /** Whether the namespace was deleted (at {@code index}, when given). */
    static Uni<Boolean> delete(SqlClient client, UUID tenant, String name, Long index) {
        return client.preparedQuery(DELETE).execute(Tuple.of(tenant, name, index)).map(rows -> rows.rowCount() == 1);
    }

    /** The namespace as it is after the change; null when it does not exist. */
    static Uni<NamespaceView> requireApproval(SqlClient client, UUID tenant, String name, boolean required) {
        return client.preparedQuery(REQUIRE_APPROVAL).execute(Tuple.of(tenant, name, required))
                .map(rows -> SqlResults.firstRow(rows, NamespaceSql::view));
    }

    /** The namespace's id and whether it requires approval; null when it does not exist. */
    public static Uni<NamespaceApproval> approval(SqlClient client, UUID tenant, String name) {
        return client.preparedQuery(APPROVAL).execute(Tuple.of(tenant, name)).map(rows -> SqlResults.firstRow(rows,
                row -> new NamespaceApproval(row.getUUID("id"), row.getBoolean("requires_approval"))));
    }

    /**
     * Locks the namespace until the caller's transaction ends and takes the number of its next revision; null when it
     * does not exist. Changes of one namespace therefore commit one at a time, in the order of their numbers.
     */
    public static Uni<NamespaceIndex> advance(SqlClient client, UUID tenant, String name) {
        return client.preparedQuery(ADVANCE).execute(Tuple.of(tenant, name))
                .map(rows -> SqlResults.firstRow(rows,
                        row -> new NamespaceIndex(row.getUUID("id"), row.getLong("last_index"))));
    }

    private static NamespaceView view(Row row) {
        return new NamespaceView(row.getString("name"), row.getString("description"), row.getString("created_by"),
                Db.instant(row, "created_at"), row.getLong("last_index"), row.getBoolean("requires_approval"));
    }
}

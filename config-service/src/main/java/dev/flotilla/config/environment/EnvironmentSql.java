package dev.flotilla.config.environment;

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

/** The statements over {@code environments}, each scoped to a tenant; built-in environments are rows of no table. */
public final class EnvironmentSql {

    private static final String BUILT_IN = "select unnest(array['dev', 'staging', 'prod']) as name, null::text as description,"
            + " true as built_in, null::text as created_by, null::timestamptz as created_at";

    private static final String ALL = BUILT_IN + """
             union all
            select name, description, false, created_by, created_at from config.environments where tenant_id = $1""";

    private static final String INSERT = """
            insert into config.environments (tenant_id, name, description, created_by, created_at)
            values ($1, $2, $3, $4, $5)""";

    private static final String WITH_APPROVAL = "select e.*, exists (select 1 from config.environment_approvals a"
            + " where a.tenant_id = $1 and a.name = e.name) as requires_approval from (" + ALL + ") e";

    private static final String FIND = WITH_APPROVAL + " where name = $2";

    private static final String PAGE = WITH_APPROVAL + " where name > $2 order by name limit $3";

    private static final String REQUIRE_APPROVAL = """
            insert into config.environment_approvals (tenant_id, name, set_by, set_at) values ($1, $2, $3, $4)
            on conflict do nothing""";

    private static final String DROP_APPROVAL = "delete from config.environment_approvals where tenant_id = $1 and name = $2";

    private static final String REQUIRING_APPROVAL = """
            select name from config.environment_approvals where tenant_id = $1 and name = any($2) order by name""";

    private static final String LOCK_EXCLUSIVE = "select 1 from config.environments where tenant_id = $1 and name = $2 for update";

    private static final String LOCK_SHARED = "select 1 from config.environments where tenant_id = $1 and name = $2 for share";

    /** Entries, flags and API keys not revoked live in one environment each. */
    private static final String IN_USE = """
            select exists (select 1 from config.entries where tenant_id = $1 and env = $2)
                or exists (select 1 from config.flags where tenant_id = $1 and environment = $2)
                or exists (select 1 from config.api_keys where tenant_id = $1 and environment = $2 and revoked_at is null)""";

    /**
     * Announces a change of the tenant's environments to every replica's kept flags, on their channel
     * (flag.FlagSnapshots.CHANNEL, which names the tenant alone for a change of all its environments).
     */
    private static final String NOTIFY = "select pg_notify('flotilla_config_flags', $1)";

    /** An environment deleted and defined again starts without its former approval setting. */
    private static final String DELETE = """
            with approval as (delete from config.environment_approvals where tenant_id = $1 and name = $2)
            delete from config.environments where tenant_id = $1 and name = $2""";

    private EnvironmentSql() {
    }

    static Uni<Void> insert(SqlClient client, UUID tenant, String name, String description, String createdBy, Instant at) {
        return client.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(tenant, name, description, createdBy, Db.ts(at))))
                .replaceWithVoid();
    }

    static Uni<EnvironmentView> find(SqlClient client, UUID tenant, String name) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, name))
                .map(rows -> SqlResults.firstRow(rows, EnvironmentSql::view));
    }

    /** Up to {@code limit} environments named after {@code after}, by name. */
    static Uni<List<EnvironmentView>> page(SqlClient client, UUID tenant, String after, int limit) {
        return client.preparedQuery(PAGE).execute(Tuple.of(tenant, after, limit)).map(rows -> {
            List<EnvironmentView> views = new ArrayList<>(rows.size());
            rows.forEach(row -> views.add(view(row)));
            return views;
        });
    }

    /** Locks a defined environment against changes that add entries to it; whether it exists. */
    static Uni<Boolean> lockForDelete(SqlClient client, UUID tenant, String name) {
        return client.preparedQuery(LOCK_EXCLUSIVE).execute(Tuple.of(tenant, name)).map(rows -> rows.size() == 1);
    }

    static Uni<Boolean> inUse(SqlClient client, UUID tenant, String name) {
        return client.preparedQuery(IN_USE).execute(Tuple.of(tenant, name))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    static Uni<Void> delete(SqlClient client, UUID tenant, String name) {
        return client.preparedQuery(DELETE).execute(Tuple.of(tenant, name)).replaceWithVoid();
    }

    static Uni<Void> requireApproval(SqlClient client, UUID tenant, String name, boolean required, String setBy,
            Instant at) {
        return required
                ? client.preparedQuery(REQUIRE_APPROVAL).execute(Tuple.of(tenant, name, setBy, Db.ts(at))).replaceWithVoid()
                : client.preparedQuery(DROP_APPROVAL).execute(Tuple.of(tenant, name)).replaceWithVoid();
    }

    /** Those of {@code names} whose entries and flags change only through approved change requests, by name. */
    public static Uni<List<String>> requiringApproval(SqlClient client, UUID tenant, List<String> names) {
        return client.preparedQuery(REQUIRING_APPROVAL).execute(Tuple.of(tenant, names.toArray(String[]::new)))
                .map(rows -> {
                    List<String> found = new ArrayList<>(rows.size());
                    rows.forEach(row -> found.add(row.getString("name")));
                    return found;
                });
    }

    /** Tells every replica, when the transaction commits, that the tenant's environments changed. */
    static Uni<Void> announce(SqlClient client, UUID tenant) {
        return client.preparedQuery(NOTIFY).execute(Tuple.of(tenant.toString())).replaceWithVoid();
    }

    /**
     * Whether {@code name} is an environment of the tenant; a defined one stays so until the caller's transaction ends
     * (its row is share-locked, so a concurrent delete waits and then sees the entries written meanwhile).
     */
    public static Uni<Boolean> hold(SqlClient client, UUID tenant, String name) {
        if (Environments.BUILT_IN.contains(name)) {
            return Uni.createFrom().item(true);
        }
        return client.preparedQuery(LOCK_SHARED).execute(Tuple.of(tenant, name)).map(rows -> rows.size() == 1);
    }

    private static EnvironmentView view(Row row) {
        return new EnvironmentView(row.getString("name"), row.getString("description"), row.getBoolean("built_in"),
                row.getString("created_by"), Db.instant(row, "created_at"), row.getBoolean("requires_approval"));
    }
}

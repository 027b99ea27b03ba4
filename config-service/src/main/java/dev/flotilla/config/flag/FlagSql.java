package dev.flotilla.config.flag;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.config.environment.Environments;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The statements over {@code flags} and {@code flag_sets}, each scoped to a tenant. */
final class FlagSql {

    /** A flag as stored; {@code definition} is its JSON. */
    record StoredFlag(String key, String environment, String definition, long version, Instant createdAt, String createdBy,
            Instant updatedAt, String updatedBy) {
    }

    /**
     * An environment's flags and the tenant's segments as JSON arrays of {@code {key, definition}}, at {@code version},
     * and whether the environment is one of the tenant's.
     */
    record Snapshot(long version, String flags, String segments, boolean environmentExists) {
    }

    private static final String COLUMNS = """
            key, environment, definition::text as definition, version, created_at, created_by, updated_at, updated_by""";

    /** Locks the segments a flag names against deletion until the flag's change commits; answers those that exist. */
    private static final String LOCK_SEGMENTS = """
            select key from config.segments where tenant_id = $1 and key = any($2) for share""";

    /**
     * The environment's next version. The row lock it takes makes the environment's writers commit one after
     * the other, so each reads the flag as the one before it left it.
     */
    private static final String NEXT_SET_VERSION = """
            insert into config.flag_sets (tenant_id, environment, version, changed_at)
            values ($1, $2, nextval('config.flag_versions'), now())
            on conflict (tenant_id, environment)
            do update set version = nextval('config.flag_versions'), changed_at = now()
            returning version""";

    private static final String FIND = "select " + COLUMNS
            + " from config.flags where tenant_id = $1 and environment = $2 and key = $3";

    private static final String UPSERT = """
            insert into config.flags (tenant_id, environment, key, definition, segment_keys, version, created_at, created_by,
                                      updated_at, updated_by)
            values ($1, $2, $3, $4::text::jsonb, $5, $6, now(), $7, now(), $7)
            on conflict (tenant_id, environment, key)
            do update set definition = excluded.definition, segment_keys = excluded.segment_keys, version = excluded.version,
                          updated_at = excluded.updated_at, updated_by = excluded.updated_by
            returning %s""".formatted(COLUMNS);

    private static final String DELETE = "delete from config.flags where tenant_id = $1 and environment = $2 and key = $3";

    private static final String NOTIFY = "select pg_notify($1, $2)";

    private static final String PAGE = "select " + COLUMNS + " " + """
            from config.flags
            where tenant_id = $1 and environment = $2 and key > $3
            order by key
            limit $4""";

    /**
     * One statement, so the flags, the segments, the version and the environment are of one snapshot of the database;
     * $3: whether the environment is built in (every tenant's, without a row).
     */
    private static final String SNAPSHOT = """
            select coalesce((select version from config.flag_sets where tenant_id = $1 and environment = $2), 0) as version,
                   ($3 or exists (select 1 from config.environments e where e.tenant_id = $1 and e.name = $2))
                       as environment_exists,
                   (select coalesce(json_agg(json_build_object('key', f.key, 'definition', f.definition) order by f.key), '[]')
                      from config.flags f where f.tenant_id = $1 and f.environment = $2)::text as flags,
                   (select coalesce(json_agg(json_build_object('key', s.key, 'definition', s.definition)), '[]')
                      from config.segments s where s.tenant_id = $1)::text as segments""";

    private static final String VERSION = """
            select coalesce((select version from config.flag_sets where tenant_id = $1 and environment = $2), 0) as version""";

    private FlagSql() {
    }

    static Uni<Set<String>> lockSegments(SqlClient client, UUID tenant, Set<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return client.preparedQuery(LOCK_SEGMENTS).execute(Tuple.of(tenant, keys.toArray(String[]::new))).map(rows -> {
            Set<String> found = new HashSet<>();
            rows.forEach(row -> found.add(row.getString("key")));
            return found;
        });
    }

    static Uni<Long> nextSetVersion(SqlClient client, UUID tenant, String environment) {
        return client.preparedQuery(NEXT_SET_VERSION).execute(Tuple.of(tenant, environment))
                .map(rows -> rows.iterator().next().getLong("version"));
    }

    static Uni<StoredFlag> find(SqlClient client, UUID tenant, String environment, String key) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, environment, key))
                .map(rows -> SqlResults.firstRow(rows, FlagSql::stored));
    }

    static Uni<StoredFlag> upsert(SqlClient client, UUID tenant, String environment, String key, String definition,
            Set<String> segments, long version, String actor) {
        return client.preparedQuery(UPSERT)
                .execute(Tuple.from(List.of(tenant, environment, key, definition, segments.toArray(String[]::new), version,
                        actor)))
                .map(rows -> stored(rows.iterator().next()));
    }

    static Uni<Void> delete(SqlClient client, UUID tenant, String environment, String key) {
        return client.preparedQuery(DELETE).execute(Tuple.of(tenant, environment, key)).replaceWithVoid();
    }

    /** Announces a change to every replica when the transaction commits. */
    static Uni<Void> notifyChange(SqlClient client, String payload) {
        return client.preparedQuery(NOTIFY).execute(Tuple.of(FlagSnapshots.CHANNEL, payload)).replaceWithVoid();
    }

    /** Up to {@code limit} flags of the environment after key {@code after}, in key order. */
    static Uni<List<StoredFlag>> page(SqlClient client, UUID tenant, String environment, String after, int limit) {
        return client.preparedQuery(PAGE).execute(Tuple.of(tenant, environment, after, limit)).map(rows -> {
            List<StoredFlag> flags = new ArrayList<>(rows.size());
            rows.forEach(row -> flags.add(stored(row)));
            return flags;
        });
    }

    static Uni<Snapshot> snapshot(SqlClient client, UUID tenant, String environment) {
        return client.preparedQuery(SNAPSHOT)
                .execute(Tuple.of(tenant, environment, Environments.BUILT_IN.contains(environment))).map(rows -> {
                    Row row = rows.iterator().next();
                    return new Snapshot(row.getLong("version"), row.getString("flags"), row.getString("segments"),
                            row.getBoolean("environment_exists"));
                });
    }

    static Uni<Long> version(SqlClient client, UUID tenant, String environment) {
        return client.preparedQuery(VERSION).execute(Tuple.of(tenant, environment))
                .map(rows -> rows.iterator().next().getLong("version"));
    }

    private static StoredFlag stored(Row row) {
        return new StoredFlag(row.getString("key"), row.getString("environment"), row.getString("definition"),
                row.getLong("version"), Db.instant(row, "created_at"), row.getString("created_by"),
                Db.instant(row, "updated_at"), row.getString("updated_by"));
    }
}

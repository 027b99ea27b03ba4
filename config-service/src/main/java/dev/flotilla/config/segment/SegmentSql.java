package dev.flotilla.config.segment;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.config.flag.FlagSnapshots;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The statements over {@code segments}, each scoped to a tenant. */
final class SegmentSql {

    /** A segment as stored; {@code definition} is its JSON. */
    record StoredSegment(String key, String definition, long version, Instant createdAt, String createdBy, Instant updatedAt,
            String updatedBy) {
    }

    private static final String COLUMNS = """
            key, definition::text as definition, version, created_at, created_by, updated_at, updated_by""";

    private static final String FIND = "select " + COLUMNS + " from config.segments where tenant_id = $1 and key = $2";

    /** The segment, locked until the change commits: flags being saved with it wait, and see the change. */
    private static final String LOCK = FIND + " for update";

    private static final String INSERT = """
            insert into config.segments (tenant_id, key, definition, version, created_at, created_by, updated_at, updated_by)
            values ($1, $2, $3::text::jsonb, nextval('config.flag_versions'), now(), $4, now(), $4)
            returning %s""".formatted(COLUMNS);

    private static final String UPDATE = """
            update config.segments
               set definition = $3::text::jsonb, version = nextval('config.flag_versions'), updated_at = now(), updated_by = $4
             where tenant_id = $1 and key = $2
            returning %s""".formatted(COLUMNS);

    private static final String DELETE = "delete from config.segments where tenant_id = $1 and key = $2";

    /** Some of the flags whose rules name the segment, to say which in the answer. */
    private static final String USED_BY = """
            select environment, key from config.flags
             where tenant_id = $1 and $2 = any(segment_keys)
             order by environment, key
             limit $3""";

    /** Every environment of the tenant evaluates its segments: each gets a new version. */
    private static final String BUMP_FLAG_SETS = """
            update config.flag_sets set version = nextval('config.flag_versions'), changed_at = now() where tenant_id = $1""";

    private static final String NOTIFY = "select pg_notify($1, $2)";

    private static final String PAGE = "select " + COLUMNS + " " + """
            from config.segments
            where tenant_id = $1 and key > $2
            order by key
            limit $3""";

    private SegmentSql() {
    }

    static Uni<StoredSegment> find(SqlClient client, UUID tenant, String key) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, key))
                .map(rows -> SqlResults.firstRow(rows, SegmentSql::stored));
    }

    static Uni<StoredSegment> lock(SqlClient client, UUID tenant, String key) {
        return client.preparedQuery(LOCK).execute(Tuple.of(tenant, key))
                .map(rows -> SqlResults.firstRow(rows, SegmentSql::stored));
    }

    static Uni<StoredSegment> insert(SqlClient client, UUID tenant, String key, String definition, String actor) {
        return client.preparedQuery(INSERT).execute(Tuple.of(tenant, key, definition, actor))
                .map(rows -> stored(rows.iterator().next()));
    }

    static Uni<StoredSegment> update(SqlClient client, UUID tenant, String key, String definition, String actor) {
        return client.preparedQuery(UPDATE).execute(Tuple.of(tenant, key, definition, actor))
                .map(rows -> stored(rows.iterator().next()));
    }

    static Uni<Void> delete(SqlClient client, UUID tenant, String key) {
        return client.preparedQuery(DELETE).execute(Tuple.of(tenant, key)).replaceWithVoid();
    }

    /** Up to {@code limit} flags naming the segment, as {@code key (environment)}. */
    static Uni<List<String>> usedBy(SqlClient client, UUID tenant, String key, int limit) {
        return client.preparedQuery(USED_BY).execute(Tuple.of(tenant, key, limit)).map(rows -> {
            List<String> flags = new ArrayList<>();
            rows.forEach(row -> flags.add(row.getString("key") + " (" + row.getString("environment") + ")"));
            return flags;
        });
    }

    /** Gives every environment of the tenant a new version and announces it to every replica at commit. */
    static Uni<Void> changeFlagSets(SqlClient client, UUID tenant) {
        return client.preparedQuery(BUMP_FLAG_SETS).execute(Tuple.of(tenant))
                .chain(() -> client.preparedQuery(NOTIFY)
                        .execute(Tuple.of(FlagSnapshots.CHANNEL, FlagSnapshots.payload(tenant))))
                .replaceWithVoid();
    }

    static Uni<List<StoredSegment>> page(SqlClient client, UUID tenant, String after, int limit) {
        return client.preparedQuery(PAGE).execute(Tuple.of(tenant, after, limit)).map(rows -> {
            List<StoredSegment> segments = new ArrayList<>(rows.size());
            rows.forEach(row -> segments.add(stored(row)));
            return segments;
        });
    }

    private static StoredSegment stored(Row row) {
        return new StoredSegment(row.getString("key"), row.getString("definition"), row.getLong("version"),
                Db.instant(row, "created_at"), row.getString("created_by"), Db.instant(row, "updated_at"),
                row.getString("updated_by"));
    }
}

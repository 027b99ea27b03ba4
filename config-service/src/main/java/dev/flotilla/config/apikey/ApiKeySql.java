package dev.flotilla.config.apikey;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The statements over {@code api_keys}: each scoped to a tenant, but for finding a key by its digest. */
final class ApiKeySql {

    private static final String COLUMNS = "id, name, environment, prefix, created_at, created_by, revoked_at, revoked_by";

    private static final String INSERT = """
            insert into config.api_keys (id, tenant_id, name, environment, key_hash, prefix, created_at, created_by)
            values ($1, $2, $3, $4, $5, $6, now(), $7)
            returning %s""".formatted(COLUMNS);

    private static final String FIND = "select " + COLUMNS + " from config.api_keys where tenant_id = $1 and id = $2";

    private static final String PAGE = "select " + COLUMNS + " " + """
            from config.api_keys
            where tenant_id = $1 and id > $2
            order by id
            limit $3""";

    /**
     * Revoking a revoked key changes nothing, so the first revocation's time and author stay; revoked_now tells this
     * revocation (now() is its transaction's time, which no earlier revocation had).
     */
    private static final String REVOKE = """
            update config.api_keys
               set revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, $3)
             where tenant_id = $1 and id = $2
            returning %s, revoked_at = now() as revoked_now""".formatted(COLUMNS);

    /** The key's digest is what names its tenant: the one lookup that cannot filter by tenant. */
    private static final String BY_HASH = """
            select id, tenant_id, environment from config.api_keys where key_hash = $1 and revoked_at is null""";

    private static final String NOTIFY = "select pg_notify($1, $2)";

    /** Below every UUIDv7: where the first page starts. */
    private static final UUID FIRST = new UUID(0, 0);

    private ApiKeySql() {
    }

    static Uni<ApiKeyView> insert(SqlClient client, UUID id, UUID tenant, String name, String environment, byte[] hash,
            String prefix, String actor) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.from(List.of(id, tenant, name, environment, Buffer.buffer(hash), prefix, actor)))
                .map(rows -> view(rows.iterator().next()));
    }

    static Uni<ApiKeyView> find(SqlClient client, UUID tenant, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, id)).map(rows -> SqlResults.firstRow(rows, ApiKeySql::view));
    }

    static Uni<List<ApiKeyView>> page(SqlClient client, UUID tenant, UUID after, int limit) {
        return client.preparedQuery(PAGE).execute(Tuple.of(tenant, after == null ? FIRST : after, limit)).map(rows -> {
            List<ApiKeyView> keys = new ArrayList<>(rows.size());
            rows.forEach(row -> keys.add(view(row)));
            return keys;
        });
    }

    /** A key after its revocation, and whether this revocation revoked it (it was not already). */
    record Revoked(ApiKeyView view, boolean now) {
    }

    /** The key revoked, or null when the tenant has no such key; every replica hears of it at commit. */
    static Uni<Revoked> revoke(SqlClient client, UUID tenant, UUID id, String actor) {
        return client.preparedQuery(REVOKE).execute(Tuple.of(tenant, id, actor))
                .map(rows -> SqlResults.firstRow(rows, row -> new Revoked(view(row), row.getBoolean("revoked_now"))))
                .call(revoked -> revoked == null ? Uni.createFrom().voidItem()
                        : client.preparedQuery(NOTIFY).execute(Tuple.of(ApiKeys.CHANNEL, id.toString())));
    }

    /** The key that is not revoked with the digest {@code hash}, or null. */
    static Uni<ApiKeyPrincipal> byHash(SqlClient client, byte[] hash) {
        return client.preparedQuery(BY_HASH).execute(Tuple.of(Buffer.buffer(hash))).map(rows -> SqlResults.firstRow(rows,
                row -> new ApiKeyPrincipal(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("environment"))));
    }

    private static ApiKeyView view(Row row) {
        return new ApiKeyView(row.getUUID("id"), row.getString("name"), row.getString("environment"), row.getString("prefix"),
                Db.instant(row, "created_at"), row.getString("created_by"), Db.instant(row, "revoked_at"),
                row.getString("revoked_by"));
    }
}

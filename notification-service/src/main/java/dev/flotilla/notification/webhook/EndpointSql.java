package dev.flotilla.notification.webhook;

import dev.flotilla.common.db.Db;
import dev.flotilla.common.db.SqlResults;
import dev.flotilla.common.paging.Cursor;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** The statements over {@code webhook_endpoints}, each scoped to a tenant. */
final class EndpointSql {

    private static final String COLUMNS = """
            id, tenant_id, url, description, event_types, secret, previous_secret, previous_secret_expires_at, enabled,
            disabled_reason, failing_since, created_by, created_at, updated_at, version""";

    private static final String INSERT = """
            insert into notification.webhook_endpoints (id, tenant_id, url, description, event_types, secret, created_by,
                                                        created_at, updated_at)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $8)
            returning\s""" + COLUMNS;

    private static final String FIND = "select " + COLUMNS
            + " from notification.webhook_endpoints where tenant_id = $1 and id = $2";

    /** Members given as null stay; an empty description removes it. */
    private static final String UPDATE = """
            update notification.webhook_endpoints
               set url = coalesce($3, url), event_types = coalesce($4, event_types),
                   description = case when $5::text is null then description else nullif($5, '') end,
                   updated_at = $6, version = version + 1
             where tenant_id = $1 and id = $2
            returning\s""" + COLUMNS;

    /** The current secret becomes the previous one until $4 (none without an overlap). */
    private static final String ROTATE = """
            update notification.webhook_endpoints
               set previous_secret = case when $4::timestamptz is null then null else secret end,
                   previous_secret_expires_at = $4, secret = $3, updated_at = $5, version = version + 1
             where tenant_id = $1 and id = $2
            returning\s""" + COLUMNS;

    private static final String ENABLE = """
            update notification.webhook_endpoints
               set enabled = true, disabled_reason = null, failing_since = null, updated_at = $3, version = version + 1
             where tenant_id = $1 and id = $2
            returning\s""" + COLUMNS;

    /**
     * Disables an enabled endpoint and, in the same statement, skips its pending deliveries: a disabled endpoint is sent
     * nothing more (a replay after enabling it again sends what is still wanted).
     */
    private static final String DISABLE = """
            with disabled as (
                update notification.webhook_endpoints
                   set enabled = false, disabled_reason = $3, updated_at = $4, version = version + 1
                 where tenant_id = $1 and id = $2 and enabled
                returning\s""" + COLUMNS + """
            ), skipped as (
                update notification.deliveries d
                   set status = 'SKIPPED', next_attempt_at = null, last_error = 'endpoint disabled: ' || $3,
                       updated_at = $4, completed_at = $4
                  from disabled
                 where d.tenant_id = $1 and d.endpoint_id = disabled.id and d.status = 'PENDING')
            select * from disabled""";

    private static final String DELETE = "delete from notification.webhook_endpoints where tenant_id = $1 and id = $2 returning "
            + COLUMNS;

    private EndpointSql() {
    }

    static Uni<Endpoint> insert(SqlClient client, UUID id, UUID tenant, String url, String description, List<String> eventTypes,
            String secret, String createdBy, Instant now) {
        return client.preparedQuery(INSERT)
                .execute(Tuple.from(Arrays.asList(id, tenant, url, description, eventTypes.toArray(String[]::new), secret,
                        createdBy, Db.ts(now))))
                .map(rows -> SqlResults.firstRow(rows, EndpointSql::endpoint));
    }

    /** Up to {@code limit} endpoints of the tenant after {@code after} (or from the first), in id order. */
    static Uni<List<Endpoint>> page(SqlClient client, UUID tenant, Cursor after, int limit) {
        String sql = "select " + COLUMNS + " from notification.webhook_endpoints where tenant_id = $1"
                + (after == null ? "" : " and id > $3") + " order by id limit $2";
        Tuple params = after == null ? Tuple.of(tenant, limit) : Tuple.of(tenant, limit, after.id());
        return client.preparedQuery(sql).execute(params).map(EndpointSql::endpoints);
    }

    /** The tenant's endpoint, or null. */
    static Uni<Endpoint> find(SqlClient client, UUID tenant, UUID id) {
        return client.preparedQuery(FIND).execute(Tuple.of(tenant, id))
                .map(rows -> SqlResults.firstRow(rows, EndpointSql::endpoint));
    }

    /** The endpoint as updated, or null when the tenant has no such endpoint. */
    static Uni<Endpoint> update(SqlClient client, UUID tenant, UUID id, String url, List<String> eventTypes, String description,
            Instant now) {
        return client.preparedQuery(UPDATE)
                .execute(
                        Tuple.from(Arrays.asList(tenant, id, url, eventTypes == null ? null : eventTypes.toArray(String[]::new),
                                description, Db.ts(now))))
                .map(rows -> SqlResults.firstRow(rows, EndpointSql::endpoint));
    }

    /** The endpoint with its new secret, or null when the tenant has no such endpoint. */
    static Uni<Endpoint> rotate(SqlClient client, UUID tenant, UUID id, String secret, Instant previousExpiresAt, Instant now) {
        return client.preparedQuery(ROTATE)
                .execute(Tuple.from(Arrays.asList(tenant, id, secret, Db.ts(previousExpiresAt), Db.ts(now))))
                .map(rows -> SqlResults.firstRow(rows, EndpointSql::endpoint));
    }

    /** The endpoint as enabled, or null when the tenant has no such endpoint. */
    static Uni<Endpoint> enable(SqlClient client, UUID tenant, UUID id, Instant now) {
        return client.preparedQuery(ENABLE).execute(Tuple.of(tenant, id, Db.ts(now)))
                .map(rows -> SqlResults.firstRow(rows, EndpointSql::endpoint));
    }

    /** The endpoint as disabled, or null when it was disabled already (or the tenant has no such endpoint). */
    static Uni<Endpoint> disable(SqlClient client, UUID tenant, UUID id, String reason, Instant now) {
        return client.preparedQuery(DISABLE).execute(Tuple.of(tenant, id, reason, Db.ts(now)))
                .map(rows -> SqlResults.firstRow(rows, EndpointSql::endpoint));
    }

    /** Deletes the endpoint and, by cascade, its deliveries; answers it as it was, or null when there was none. */
    static Uni<Endpoint> delete(SqlClient client, UUID tenant, UUID id) {
        return client.preparedQuery(DELETE).execute(Tuple.of(tenant, id))
                .map(rows -> SqlResults.firstRow(rows, EndpointSql::endpoint));
    }

    private static List<Endpoint> endpoints(RowSet<Row> rows) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Row row : rows) {
            endpoints.add(endpoint(row));
        }
        return endpoints;
    }

    private static Endpoint endpoint(Row row) {
        return new Endpoint(row.getUUID("id"), row.getUUID("tenant_id"), row.getString("url"), row.getString("description"),
                List.of(row.getArrayOfStrings("event_types")), row.getString("secret"), row.getString("previous_secret"),
                Db.instant(row, "previous_secret_expires_at"), row.getBoolean("enabled"), row.getString("disabled_reason"),
                Db.instant(row, "failing_since"), row.getString("created_by"), Db.instant(row, "created_at"),
                Db.instant(row, "updated_at"), row.getInteger("version"));
    }
}
